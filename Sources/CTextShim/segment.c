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

int32_t tm_segment(const char *utf8, size_t length, const char *locale, tm_segmentation *result) {
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
  int32_t start = ubrk_first(words);
  for (int32_t end = ubrk_next(words); !failed && end != UBRK_DONE;
       start = end, end = ubrk_next(words)) {
    // ICU's rule status says whether the segment is a word. Its first byte settles most cases
    // without asking: an ASCII letter or digit starts a word, ASCII space or punctuation (except
    // '_', which may join letters) starts a segment that is none.
    unsigned char first = (unsigned char)utf8[start];
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
    if (result->token_count == token_capacity &&
        !grow((void **)&result->tokens, &token_capacity, sizeof(tm_token))) {
      failed = true;
      break;
    }
    result->tokens[result->token_count++] = (tm_token){(size_t)start, (size_t)end, status};
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
