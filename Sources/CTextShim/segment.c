// Sentence and word boundaries with ICU break iterators, working on UTF-8 in place (UText).
#include "CTextShim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static bool grow(void **array, size_t *capacity, size_t element_size) {
  size_t next = *capacity ? *capacity * 2 : 256;
  void *grown = realloc(*array, next * element_size);
  if (grown == NULL) return false;
  *array = grown;
  *capacity = next;
  return true;
}

/// Break iterators are costly to open (ICU builds the abbreviation filter each time), so each
/// thread keeps one pair per locale and points it at new text with ubrk_setUText. The pair is
/// closed when its thread ends (a pthread key destructor), so worker threads that come and go
/// leak nothing.
typedef struct iterator_cache {
  char locale[96];
  UBreakIterator *sentences;
  UBreakIterator *words;
} iterator_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_key_once = PTHREAD_ONCE_INIT;

static void close_cache(void *pointer) {
  iterator_cache *cache = pointer;
  if (cache->sentences) ubrk_close(cache->sentences);
  if (cache->words) ubrk_close(cache->words);
  free(cache);
}

static void make_cache_key(void) { pthread_key_create(&cache_key, close_cache); }

static UErrorCode cached_iterators(const char *locale, UBreakIterator **sentences, UBreakIterator **words) {
  pthread_once(&cache_key_once, make_cache_key);
  iterator_cache *cache = pthread_getspecific(cache_key);
  if (cache == NULL) {
    cache = calloc(1, sizeof(iterator_cache));
    if (cache == NULL) return U_MEMORY_ALLOCATION_ERROR;
    if (pthread_setspecific(cache_key, cache) != 0) {
      free(cache);
      return U_MEMORY_ALLOCATION_ERROR;
    }
  }
  if (cache->sentences == NULL || strncmp(cache->locale, locale, sizeof(cache->locale)) != 0) {
    if (strlen(locale) >= sizeof(cache->locale)) return U_ILLEGAL_ARGUMENT_ERROR;
    if (cache->sentences) ubrk_close(cache->sentences);
    if (cache->words) ubrk_close(cache->words);
    memset(cache, 0, sizeof(*cache));
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *s = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    UBreakIterator *w = U_SUCCESS(error) ? ubrk_open(UBRK_WORD, locale, NULL, 0, &error) : NULL;
    if (U_FAILURE(error)) {
      if (s) ubrk_close(s);
      if (w) ubrk_close(w);
      return error;
    }
    cache->sentences = s;
    cache->words = w;
    strcpy(cache->locale, locale);
  }
  *sentences = cache->sentences;
  *words = cache->words;
  return U_ZERO_ERROR;
}

static bool push_token(tm_segmentation *result, size_t *capacity, size_t start, size_t end, int32_t status) {
  if (result->token_count == *capacity && !grow((void **)&result->tokens, capacity, sizeof(tm_token))) return false;
  result->tokens[result->token_count++] = (tm_token){start, end, status};
  return true;
}

/// ICU's words over `[from, to)` of the text the iterator is set to, offsets shifted by `shift`.
static bool icu_words(UBreakIterator *words, const char *utf8, size_t shift, tm_segmentation *result,
                      size_t *capacity) {
  int32_t start = ubrk_first(words);
  for (int32_t end = ubrk_next(words); end != UBRK_DONE; start = end, end = ubrk_next(words)) {
    // ICU's rule status says whether the segment is a word. Its first byte settles most cases
    // without asking: an ASCII letter or digit starts a word, ASCII space or punctuation (except
    // '_', which may join letters) starts a segment that is none.
    unsigned char first = (unsigned char)utf8[shift + (size_t)start];
    int32_t status;
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      status = UBRK_WORD_LETTER;
    } else if (first >= '0' && first <= '9') {
      status = UBRK_WORD_NUMBER;
    } else if (first < 0x80 && first != '_') {
      continue;
    } else {
      status = ubrk_getRuleStatus(words);
      if (status < UBRK_WORD_NONE_LIMIT) continue;
    }
    if (!push_token(result, capacity, shift + (size_t)start, shift + (size_t)end, status)) return false;
  }
  return true;
}

static inline bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool ascii_letter(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26u; }
static inline bool ascii_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }

/// The words of a stretch of ASCII without white space, '_' or '@', by the rules of Unicode's word
/// boundaries (UAX #29) as ICU applies them to such text, which come down to these: letters
/// and digits run together (WB5, WB8-WB10); '.' or an apostrophe joins two letters or two
/// digits ("e.g", "don't", "3.5"; WB6, WB7, WB11, WB12); ',' or ';' joins two digits
/// ("1,000"); anything else ends a word, ':' included ("xml:lang" is two words to ICU). ICU's own answer is the reference: a test compares the
/// two over the corpus, real web pages and random text.
static bool ascii_words(const unsigned char *text, size_t from, size_t to, tm_segmentation *result,
                        size_t *capacity) {
  size_t i = from;
  while (i < to) {
    unsigned char c = text[i];
    if (!ascii_letter(c) && !ascii_digit(c)) {
      i++;
      continue;
    }
    size_t start = i++;
    for (;;) {
      while (i < to && (ascii_letter(text[i]) || ascii_digit(text[i]))) i++;
      if (i + 1 < to) {
        unsigned char mid = text[i], before = text[i - 1], after = text[i + 1];
        bool letters = ascii_letter(before) && ascii_letter(after);
        bool digits = ascii_digit(before) && ascii_digit(after);
        if (((mid == '.' || mid == '\'') && (letters || digits)) || ((mid == ',' || mid == ';') && digits)) {
          i += 2;
          continue;
        }
      }
      break;
    }
    int32_t status = ascii_letter(text[start]) ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
    if (!push_token(result, capacity, start, i, status)) return false;
  }
  return true;
}

/// Words of the whole text: ASCII white space ends every word under ICU's rules, so the text is
/// taken a stretch between white space at a time; a stretch of ASCII without '_' or '@' (nearly
/// all of an English text; ICU has rules of its own for those two) goes to `ascii_words`, any
/// other to ICU's iterator over that stretch alone.
static bool fast_words(UBreakIterator *words, const char *utf8, size_t length, tm_segmentation *result,
                       size_t *capacity) {
  const unsigned char *text = (const unsigned char *)utf8;
  size_t i = 0;
  while (i < length) {
    while (i < length && ascii_space(text[i])) i++;
    size_t start = i;
    bool plain = true;
    while (i < length && !ascii_space(text[i])) {
      if (text[i] >= 0x80 || text[i] == '_' || text[i] == '@') plain = false;
      i++;
    }
    if (start == i) break;
    if (plain) {
      if (!ascii_words(text, start, i, result, capacity)) return false;
      continue;
    }
    UErrorCode error = U_ZERO_ERROR;
    UText stretch = UTEXT_INITIALIZER;
    utext_openUTF8(&stretch, utf8 + start, (int64_t)(i - start), &error);
    if (U_SUCCESS(error)) ubrk_setUText(words, &stretch, &error);
    bool ok = U_SUCCESS(error) && icu_words(words, utf8, start, result, capacity);
    UErrorCode ignored = U_ZERO_ERROR;
    ubrk_setText(words, NULL, 0, &ignored);
    utext_close(&stretch);
    if (!ok) return false;
  }
  return true;
}

int32_t tm_segment(const char *utf8, size_t length, const char *locale, tm_segmentation *result) {
  return tm_segment_with(utf8, length, locale, true, result);
}

int32_t tm_segment_with(const char *utf8, size_t length, const char *locale, bool ascii_fast_path,
                        tm_segmentation *result) {
  memset(result, 0, sizeof(*result));
  if (length > INT32_MAX) return U_INDEX_OUTOFBOUNDS_ERROR;
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *sentences = NULL;
  UBreakIterator *words = NULL;
  error = cached_iterators(locale, &sentences, &words);
  if (U_FAILURE(error)) return error;
  UText *text = utext_openUTF8(NULL, utf8, (int64_t)length, &error);
  if (U_FAILURE(error)) return error;
  ubrk_setUText(sentences, text, &error);
  if (U_SUCCESS(error)) ubrk_setUText(words, text, &error);
  if (U_FAILURE(error)) {
    utext_close(text);
    return error;
  }

  size_t boundary_capacity = 0;
  size_t token_capacity = 0;
  bool failed = false;
  // With UText over UTF-8, ICU's native indexes are UTF-8 byte offsets.
  for (int32_t at = ubrk_first(sentences); at != UBRK_DONE; at = ubrk_next(sentences)) {
    if (result->sentence_boundary_count == boundary_capacity &&
        !grow((void **)&result->sentence_boundaries, &boundary_capacity, sizeof(size_t))) {
      failed = true;
      break;
    }
    result->sentence_boundaries[result->sentence_boundary_count++] = (size_t)at;
  }
  if (!failed) {
    failed = ascii_fast_path ? !fast_words(words, utf8, length, result, &token_capacity)
                             : !icu_words(words, utf8, 0, result, &token_capacity);
  }
  // The iterators keep a shallow clone of the UText; point them at nothing before it goes.
  UErrorCode ignored = U_ZERO_ERROR;
  ubrk_setText(sentences, NULL, 0, &ignored);
  ubrk_setText(words, NULL, 0, &ignored);
  utext_close(text);
  if (failed) {
    tm_segmentation_free(result);
    return U_MEMORY_ALLOCATION_ERROR;
  }
  return 0;
}

void tm_segmentation_free(tm_segmentation *segmentation) {
  free(segmentation->sentence_boundaries);
  free(segmentation->tokens);
  memset(segmentation, 0, sizeof(*segmentation));
}
