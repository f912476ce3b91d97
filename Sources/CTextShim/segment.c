// Sentence and word boundaries with ICU break iterators, working on UTF-8 in place (UText).
#include "CTextShim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

// Byte classes the fast paths test with one table lookup per byte.
enum {
  BC_SPACE = 1,    // ASCII white space: ends every word
  BC_ALNUM = 2,    // ASCII letter or digit
  BC_SPECIAL = 4,  // '_', '@' or a byte of a multi-byte character: the word scan looks closer
  BC_STOP = 8,     // '.', '!', '?' or a line break: only these can end a sentence
  BC_LINE = 16,    // '\n' or '\r'
};

static const unsigned char byte_class[256] = {
    ['\t'] = BC_SPACE,
    ['\n'] = BC_SPACE | BC_STOP | BC_LINE,
    [0x0B] = BC_SPACE,
    [0x0C] = BC_SPACE,
    ['\r'] = BC_SPACE | BC_STOP | BC_LINE,
    [' '] = BC_SPACE,
    ['!'] = BC_STOP,
    ['.'] = BC_STOP,
    ['?'] = BC_STOP,
    ['0' ... '9'] = BC_ALNUM,
    ['@'] = BC_SPECIAL,
    ['A' ... 'Z'] = BC_ALNUM,
    ['_'] = BC_SPECIAL,
    ['a' ... 'z'] = BC_ALNUM,
    [0x80 ... 0xFF] = BC_SPECIAL,
};

static inline bool ascii_space(unsigned char c) { return byte_class[c] & BC_SPACE; }
static inline bool ascii_letter(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26u; }
static inline bool ascii_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }

/// The letters of two bytes the fast paths know: Latin-1's (U+00C0 to U+00FF but the
/// multiplication and division signs: "café", "Zoë", "straße") and basic Cyrillic (U+0400 to
/// U+045F). Each is ALetter to Unicode's word boundaries and Upper (U+00C0 to U+00DE, U+0400 to
/// U+042F) or Lower (the rest) to its sentence boundaries, and has no case-folding or joining
/// behaviour of its own. 0 when the bytes at `i` are not one of them; 1 for a capital, 2 for a
/// small letter.
enum { LETTER2_NONE = 0, LETTER2_UPPER = 1, LETTER2_LOWER = 2 };
static inline int letter2(const unsigned char *text, size_t i, size_t length) {
  if (i + 1 >= length) return LETTER2_NONE;
  unsigned char lead = text[i], next = text[i + 1];
  if (lead == 0xC3) {
    if (next < 0x80 || next > 0xBF || next == 0x97 || next == 0xB7) return LETTER2_NONE;
    return next <= 0x9E ? LETTER2_UPPER : LETTER2_LOWER;
  }
  if (lead == 0xD0) {
    if (next < 0x80 || next > 0xBF) return LETTER2_NONE;
    return next <= 0xAF ? LETTER2_UPPER : LETTER2_LOWER;
  }
  if (lead == 0xD1) return next >= 0x80 && next <= 0x9F ? LETTER2_LOWER : LETTER2_NONE;
  return LETTER2_NONE;
}

/// Whether the character that starts at `i` is a letter the fast paths know (ASCII or `letter2`).
static inline bool letter_at(const unsigned char *text, size_t i, size_t length) {
  return i < length && (ascii_letter(text[i]) || letter2(text, i, length) != LETTER2_NONE);
}

/// Reads the boundaries of one kind from an iterator into `result`, offsets shifted by `shift`.
typedef bool (*boundary_reader)(UBreakIterator *, const char *, size_t, tm_segmentation *, size_t *);

/// Points `iterator` at `[start, end)` of the text alone, reads its boundaries with `read`, and
/// points it at nothing again before the range's UText goes.
static bool icu_over(UBreakIterator *iterator, const char *utf8, size_t start, size_t end, boundary_reader read,
                     tm_segmentation *result, size_t *capacity) {
  UErrorCode error = U_ZERO_ERROR;
  UText range = UTEXT_INITIALIZER;
  utext_openUTF8(&range, utf8 + start, (int64_t)(end - start), &error);
  if (U_SUCCESS(error)) ubrk_setUText(iterator, &range, &error);
  bool ok = U_SUCCESS(error) && read(iterator, utf8, start, result, capacity);
  UErrorCode ignored = U_ZERO_ERROR;
  ubrk_setText(iterator, NULL, 0, &ignored);
  utext_close(&range);
  return ok;
}

/// The end of the run of ASCII letters and digits that starts at `i` (`i` itself if there is
/// none). Sixteen bytes at a time with SSE2 where the compiler targets it (every x86-64 build
/// does), byte by byte elsewhere: a word of English text is most often found in one step.
static inline size_t ascii_alnum_end(const unsigned char *text, size_t i, size_t length) {
#ifdef __SSE2__
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
  const __m128i before_0 = _mm_set1_epi8('0' - 1), after_9 = _mm_set1_epi8('9' + 1);
  while (i + 16 <= length) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)(text + i));
    // Compared as signed bytes: a byte of 0x80 or more is negative and so neither a letter
    // nor a digit; setting the case bit makes capitals small letters and no other byte one.
    __m128i folded = _mm_or_si128(bytes, case_bit);
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, before_a), _mm_cmpgt_epi8(after_z, folded));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, before_0), _mm_cmpgt_epi8(after_9, bytes));
    unsigned run = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
    if (run != 0xFFFFu) return i + (size_t)__builtin_ctz(~run);
    i += 16;
  }
#endif
  while (i < length && (byte_class[text[i]] & BC_ALNUM)) i++;
  return i;
}

/// The width in bytes of a non-ASCII character at `i` that the word fast path knows, or 0. Each
/// is punctuation to Unicode's word boundaries and ends a word: the no-break space, the thin
/// space, the pound sign, the registered sign, vulgar fractions, guillemets, en and em dashes,
/// curly and low double quotes, the ellipsis and the minus sign (Word_Break Other, or WSegSpace
/// for the thin space, which joins no letters), and curly single quotes (MidNumLet: between two
/// letters or two digits they join them, which the caller checks first; anywhere else they end
/// a word).
static inline size_t word_punctuation(const unsigned char *text, size_t i, size_t length) {
  if (text[i] == 0xC2 && i + 1 < length) {
    switch (text[i + 1]) {
      case 0xA0: case 0xA3: case 0xAB: case 0xAE: case 0xBB: case 0xBC: case 0xBD: case 0xBE: return 2;
      default: return 0;
    }
  }
  if (text[i] == 0xE2 && i + 2 < length && text[i + 1] == 0x80) {
    switch (text[i + 2]) {
      case 0x89: case 0x93: case 0x94: case 0x98: case 0x99: case 0x9C: case 0x9D: case 0x9E: case 0xA6: return 3;
      default: return 0;
    }
  }
  if (text[i] == 0xE2 && i + 2 < length && text[i + 1] == 0x88 && text[i + 2] == 0x92) return 3;
  return 0;
}

/// The width in bytes of the character at `i` (a byte of 0x80 or more, or '_' or '@') if the
/// word scan knows it: a `letter2` letter or `word_punctuation`; 0 if only ICU may judge it.
static inline size_t word_special(const unsigned char *text, size_t i, size_t length) {
  if (text[i] < 0x80) return 0;
  if (letter2(text, i, length) != LETTER2_NONE) return 2;
  return word_punctuation(text, i, length);
}

/// The end of the stretch of non-space bytes that starts at `from`, and whether it is plain:
/// every character one the word scan knows (ASCII but '_' and '@', and `word_special`).
static size_t stretch_end(const unsigned char *text, size_t from, size_t length, bool *plain) {
  *plain = true;
  size_t end = from;
  while (end < length && !ascii_space(text[end])) {
    if (byte_class[text[end]] & BC_SPECIAL) {
      size_t width = word_special(text, end, length);
      if (width > 0) {
        end += width;
        continue;
      }
      *plain = false;
    }
    end++;
  }
  return end;
}

/// Words of the whole text. ASCII white space ends every word under ICU's rules, so the text is
/// taken a stretch between white space at a time. In a stretch of ASCII without '_' or '@'
/// (nearly all of an English text; ICU has rules of its own for those two), words are found by
/// the rules of Unicode's word boundaries (UAX #29) as ICU applies them to such text, which
/// come down to these: letters and digits run together (WB5, WB8-WB10); '.' or an apostrophe
/// joins two letters or two digits ("e.g", "don't", "3.5"; WB6, WB7, WB11, WB12), and so does a
/// curly single quote ("partner’s"); ',' or ';' joins two digits ("1,000"); anything else ends a
/// word, ':' included ("xml:lang" is two words to ICU), and so do the few other non-ASCII
/// characters of English text that `word_punctuation` knows (curly quotes, dashes, the pound
/// sign, the no-break space). Any other stretch, with the others like it that follow, goes to ICU's
/// iterator over just those stretches. ICU's own answer is the reference: a test compares the
/// two over the corpus, real web pages and random text.
static bool fast_words(UBreakIterator *words, const char *utf8, size_t length, tm_segmentation *result,
                       size_t *capacity) {
  const unsigned char *text = (const unsigned char *)utf8;
  size_t i = 0;
  while (i < length) {
    while (i < length && ascii_space(text[i])) i++;
    if (i >= length) break;
    // One pass: the stretch's words are found as it is read; a byte that only ICU may judge
    // takes back the words of this stretch and hands the stretch to ICU.
    size_t start = i;
    size_t mark = result->token_count;
    bool plain = true;
    while (i < length) {
      unsigned char c = text[i];
      unsigned char k = byte_class[c];
      if (k & BC_SPACE) break;
      size_t width = 1;
      if (k & BC_SPECIAL) {
        if (c < 0x80 || letter2(text, i, length) == LETTER2_NONE) {
          width = c >= 0x80 ? word_punctuation(text, i, length) : 0;
          if (width == 0) {
            plain = false;
            break;
          }
          i += width;
          continue;
        }
        width = 2;
      } else if (!(k & BC_ALNUM)) {
        i++;
        continue;
      }
      // A word: letters (ASCII or `letter2`) and digits, and what joins them.
      size_t word = i;
      bool last_is_letter = width == 2 || ascii_letter(c);
      i += width;
      for (;;) {
        for (;;) {
          size_t end = ascii_alnum_end(text, i, length);
          if (end > i) {
            last_is_letter = ascii_letter(text[end - 1]);
            i = end;
          }
          if (i < length && text[i] >= 0x80 && letter2(text, i, length) != LETTER2_NONE) {
            last_is_letter = true;
            i += 2;
          } else {
            break;
          }
        }
        if (i + 1 < length) {
          unsigned char mid = text[i];
          bool last_is_digit = !last_is_letter;
          bool letters = last_is_letter && letter_at(text, i + 1, length);
          bool digits = last_is_digit && ascii_digit(text[i + 1]);
          if (((mid == '.' || mid == '\'') && (letters || digits)) || ((mid == ',' || mid == ';') && digits)) {
            i += 1;
            continue;
          }
          // A curly single quote is MidNumLet, as '.' is: "partner’s", "don’t".
          if (mid == 0xE2 && i + 3 < length && text[i + 1] == 0x80 && (text[i + 2] == 0x98 || text[i + 2] == 0x99)) {
            if ((last_is_letter && letter_at(text, i + 3, length)) || (last_is_digit && ascii_digit(text[i + 3]))) {
              i += 3;
              continue;
            }
          }
        }
        break;
      }
      int32_t status = ascii_digit(text[word]) ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
      if (!push_token(result, capacity, word, i, status)) return false;
    }
    if (plain) continue;
    result->token_count = mark;
    bool ignored;
    i = stretch_end(text, i, length, &ignored);
    // The stretches that follow and are not plain either go to ICU in the same call (a page in
    // Russian is one call per run of such words, not one per word): white space between them
    // ends words for ICU as it does here.
    for (;;) {
      size_t next = i;
      while (next < length && ascii_space(text[next])) next++;
      if (next >= length) break;
      bool next_plain;
      size_t end = stretch_end(text, next, length, &next_plain);
      if (next_plain) break;
      i = end;
    }
    if (!icu_over(words, utf8, start, i, icu_words, result, capacity)) return false;
  }
  return true;
}

static bool push_boundary(tm_segmentation *result, size_t *capacity, size_t at) {
  if (result->sentence_boundary_count > 0 && result->sentence_boundaries[result->sentence_boundary_count - 1] == at)
    return true;
  if (result->sentence_boundary_count == *capacity &&
      !grow((void **)&result->sentence_boundaries, capacity, sizeof(size_t)))
    return false;
  result->sentence_boundaries[result->sentence_boundary_count++] = at;
  return true;
}

/// ICU's sentence boundaries of the text the iterator is set to, offsets shifted by `shift`.
/// With UText over UTF-8, ICU's native indexes are UTF-8 byte offsets.
static bool icu_sentences(UBreakIterator *sentences, const char *utf8, size_t shift, tm_segmentation *result,
                          size_t *capacity) {
  (void)utf8;
  for (int32_t at = ubrk_first(sentences); at != UBRK_DONE; at = ubrk_next(sentences)) {
    if (!push_boundary(result, capacity, shift + (size_t)at)) return false;
  }
  return true;
}

// Sentence_Break classes (UAX #29) of ASCII and of the few other characters common in English
// text that the fast path knows: curly quotes are Close, en and em dashes SContinue, the
// no-break space Sp, the pound sign Other, and the `letter2` letters Upper or Lower.
typedef enum sb_class {
  SB_OTHER, SB_SP, SB_LF, SB_CR, SB_CLOSE, SB_SCONTINUE, SB_ATERM, SB_STERM, SB_UPPER, SB_LOWER, SB_NUMERIC,
  SB_UNKNOWN
} sb_class;

/// The class of the character at `i` and its length in bytes; SB_UNKNOWN for a character the
/// fast path does not know (its line then goes to ICU).
static inline __attribute__((always_inline)) sb_class sb_class_at(const unsigned char *text, size_t i, size_t to,
                                                                 size_t *length) {
  unsigned char c = text[i];
  *length = 1;
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return SB_LOWER;
    if (c >= 'A' && c <= 'Z') return SB_UPPER;
    if (c >= '0' && c <= '9') return SB_NUMERIC;
    switch (c) {
      case ' ': case '\t': case 0x0B: case 0x0C: return SB_SP;
      case '\n': return SB_LF;
      case '\r': return SB_CR;
      case '"': case '\'': case '(': case ')': case '[': case ']': case '{': case '}': return SB_CLOSE;
      case ',': case '-': case ':': return SB_SCONTINUE;
      case '.': return SB_ATERM;
      case '!': case '?': return SB_STERM;
      default: return SB_OTHER;
    }
  }
  int letter = letter2(text, i, to);
  if (letter != LETTER2_NONE) {
    *length = 2;
    return letter == LETTER2_UPPER ? SB_UPPER : SB_LOWER;
  }
  if (c == 0xC2 && i + 1 < to) {
    *length = 2;
    switch (text[i + 1]) {
      case 0xA0: return SB_SP;                                         // no-break space
      case 0xAB: case 0xBB: return SB_CLOSE;                           // « »
      case 0xA3: case 0xAE: case 0xBC: case 0xBD: case 0xBE: return SB_OTHER;  // £ ® ¼ ½ ¾
      default: break;
    }
  }
  if (c == 0xE2 && i + 2 < to && text[i + 1] == 0x80) {
    *length = 3;
    switch (text[i + 2]) {
      case 0x98: case 0x99: case 0x9C: case 0x9D: case 0x9E: return SB_CLOSE;  // ‘ ’ “ ” „
      case 0x93: case 0x94: return SB_SCONTINUE;                               // – —
      case 0x89: return SB_SP;                                                 // thin space
      case 0xA6: return SB_OTHER;                                              // …
      default: break;
    }
  }
  if (c == 0xE2 && i + 2 < to && text[i + 1] == 0x88 && text[i + 2] == 0x92) {
    *length = 3;
    return SB_OTHER;  // minus sign
  }
  return SB_UNKNOWN;
}

static inline bool sb_is_parasep(sb_class k) { return k == SB_LF || k == SB_CR; }
static inline bool sb_is_saterm(sb_class k) { return k == SB_ATERM || k == SB_STERM; }

/// Whether every character of `[from, to)` is one `sb_class_at` knows.
static bool sb_known(const unsigned char *text, size_t from, size_t to) {
  for (size_t i = from; i < to;) {
    if (text[i] < 0x80) {
      i++;
      continue;
    }
    size_t length;
    if (sb_class_at(text, i, to, &length) == SB_UNKNOWN) return false;
    i += length;
  }
  return true;
}

/// Sentence boundaries inside one line (`[from, to)`, its line break included when it has one)
/// of characters `sb_class_at` knows, by the rules of Unicode's sentence boundaries (UAX #29)
/// that ICU applies without abbreviation suppressions: after '.', '!' or '?', any closing
/// quotes or brackets and spaces, a sentence ends (SB11) unless a digit follows a full stop
/// ("3.5", SB6), a capital follows a full stop between letters ("U.S.A", SB7), the next letter
/// is lower case (SB8), or a comma, dash, colon or another terminator follows (SB8a); a line
/// break ends one (SB4). Lines are independent under these rules: none looks past a line break.
static bool ascii_sentences(const unsigned char *text, size_t from, size_t to, tm_segmentation *result,
                            size_t *capacity) {
  size_t i = from;
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  while (i < to) {
    // Only terminators and line breaks can end a sentence; every other byte (those of the
    // multi-byte characters too) is passed over, eight at a time while none of them is one.
    while (i + 8 <= to) {
      uint64_t chunk;
      memcpy(&chunk, text + i, 8);
      uint64_t dot = chunk ^ (ones * '.'), bang = chunk ^ (ones * '!'), ask = chunk ^ (ones * '?');
      uint64_t lf = chunk ^ (ones * '\n'), cr = chunk ^ (ones * '\r');
      // A zero byte in any of them is a stop (the usual test, exact for whether there is one).
      uint64_t hit = ((dot - ones) & ~dot) | ((bang - ones) & ~bang) | ((ask - ones) & ~ask) |
                     ((lf - ones) & ~lf) | ((cr - ones) & ~cr);
      if (hit & highs) break;
      i += 8;
    }
    if (i >= to) break;
    unsigned char b = text[i];
    if (!(byte_class[b] & BC_STOP)) {
      i++;
      continue;
    }
    if (b == '\n' || b == '\r') {
      size_t after = (b == '\r' && i + 1 < to && text[i + 1] == '\n') ? i + 2 : i + 1;
      if (!push_boundary(result, capacity, after)) return false;
      i = after;
      continue;
    }
    sb_class c = b == '.' ? SB_ATERM : SB_STERM;
    // The character before, for SB7: an ASCII letter or a `letter2` one (whose lead byte is
    // the byte before its last).
    bool after_letter = (i > from && ascii_letter(text[i - 1])) ||
                        (i >= from + 2 && letter2(text, i - 2, to) != LETTER2_NONE);
    size_t next = i + 1;
    size_t next_length = 0;
    sb_class n = next < to ? sb_class_at(text, next, to, &next_length) : SB_OTHER;
    if (c == SB_ATERM && (n == SB_NUMERIC || (n == SB_UPPER && after_letter))) {  // SB6, SB7
      i = next;
      continue;
    }
    size_t j = next;
    size_t step;
    while (j < to && sb_class_at(text, j, to, &step) == SB_CLOSE) j += step;
    while (j < to && sb_class_at(text, j, to, &step) == SB_SP) j += step;
    sb_class at_j = j < to ? sb_class_at(text, j, to, &step) : SB_OTHER;
    if (c == SB_ATERM) {  // SB8: the next letter (or terminator, or line break) decides
      size_t k = j;
      sb_class kc = at_j;
      while (k < to && kc != SB_UPPER && kc != SB_LOWER && !sb_is_parasep(kc) && !sb_is_saterm(kc)) {
        k += step;
        if (k < to) kc = sb_class_at(text, k, to, &step);
      }
      if (k < to && kc == SB_LOWER) {
        i = next;
        continue;
      }
    }
    if (j < to && (at_j == SB_SCONTINUE || sb_is_saterm(at_j) || sb_is_parasep(at_j))) {
      // SB8a (a comma, dash, colon or terminator follows), SB10 (a line break follows: the
      // break comes after it).
      i = j;
      continue;
    }
    if (!push_boundary(result, capacity, j)) return false;  // SB11
    i = j;
  }
  return true;
}

/// Sentence boundaries of the whole text, a line at a time: a line of characters the fast path
/// knows by `ascii_sentences`, any other, with the others that follow it, by ICU's iterator over
/// just those lines.
/// The end of the line that starts at `from`, its line break included ("\r\n" whole, or one
/// "\r" or "\n"), and whether `ascii_sentences` knows every character of it.
static size_t line_end(const unsigned char *text, size_t from, size_t length, bool *known) {
  size_t end = from;
  bool ascii = true;
  // Eight bytes at a time while none of them is a line break or a byte of a multi-byte
  // character; the bytes after go one by one.
  const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  while (end + 8 <= length) {
    uint64_t chunk;
    memcpy(&chunk, text + end, 8);
    uint64_t lf = chunk ^ (ones * '\n'), cr = chunk ^ (ones * '\r');
    // A zero byte in lf or cr is a line break (the usual test: it is exact for bytes under 0x80,
    // and a byte of 0x80 or more is caught by the high bit of the chunk itself).
    uint64_t hit = ((lf - ones) & ~lf) | ((cr - ones) & ~cr) | chunk;
    if (hit & highs) break;
    end += 8;
  }
  while (end < length && !(byte_class[text[end]] & BC_LINE)) {
    if (text[end] >= 0x80) ascii = false;
    end++;
  }
  *known = ascii || sb_known(text, from, end);
  if (end < length) end += (text[end] == '\r' && end + 1 < length && text[end + 1] == '\n') ? 2 : 1;
  return end;
}

static bool fast_sentences(UBreakIterator *sentences, const char *utf8, size_t length, tm_segmentation *result,
                           size_t *capacity) {
  const unsigned char *text = (const unsigned char *)utf8;
  if (!push_boundary(result, capacity, 0)) return false;
  size_t start = 0;
  while (start < length) {
    bool plain;
    size_t end = line_end(text, start, length, &plain);
    // Lines that follow and need ICU too go in the same call: a line break ends a sentence for
    // ICU as it does here.
    while (!plain && end < length) {
      bool next_plain;
      size_t next_end = line_end(text, end, length, &next_plain);
      if (next_plain) break;
      end = next_end;
    }
    if (plain) {
      if (!ascii_sentences(text, start, end, result, capacity)) return false;
    } else if (!icu_over(sentences, utf8, start, end, icu_sentences, result, capacity)) {
      return false;
    }
    start = end;
  }
  return push_boundary(result, capacity, length);
}

/// Whether `locale` is "en" or "en_" and a two-letter region, and nothing more.
static bool plain_english(const char *locale) {
  if (strncmp(locale, "en", 2) != 0) return false;
  if (locale[2] == '\0') return true;
  return locale[2] == '_' && locale[3] >= 'A' && locale[3] <= 'Z' && locale[4] >= 'A' && locale[4] <= 'Z' &&
         locale[5] == '\0';
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
  // The fast paths follow ICU's root rules, which English locales with at most a region use
  // unchanged ("en", "en_GB", "en_US"); other locales tailor them (Swedish joins words at a
  // colon, en_US_POSIX does not join letters at a full stop) and "@ss=" adds abbreviation
  // suppressions, so those go to ICU whole. The fast paths point the iterators at the
  // stretches they hand over themselves.
  if (!plain_english(locale)) ascii_fast_path = false;
  UText *text = utext_openUTF8(NULL, utf8, (int64_t)length, &error);
  if (U_FAILURE(error)) return error;
  if (!ascii_fast_path) {
    ubrk_setUText(sentences, text, &error);
    if (U_SUCCESS(error)) ubrk_setUText(words, text, &error);
  }
  if (U_FAILURE(error)) {
    utext_close(text);
    return error;
  }

  size_t boundary_capacity = 0;
  size_t token_capacity = 0;
  bool failed = false;
  failed = ascii_fast_path ? !fast_sentences(sentences, utf8, length, result, &boundary_capacity)
                           : !icu_sentences(sentences, utf8, 0, result, &boundary_capacity);
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
