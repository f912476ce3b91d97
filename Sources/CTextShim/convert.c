// Charset conversion to UTF-8 with ICU converters, stopping at the first invalid sequence.
#include "CTextShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

char *tm_convert_to_utf8(const char *charset, const uint8_t *bytes, size_t length,
                         size_t *utf8_length, tm_convert_status *status, size_t *error_offset) {
  *utf8_length = 0;
  *error_offset = 0;
  UErrorCode error = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &error);
  if (U_FAILURE(error) || converter == NULL) {
    *status = TM_CONVERT_UNKNOWN_CHARSET;
    return NULL;
  }
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
  if (length > (SIZE_MAX / 4) - 16 || length > INT32_MAX / 8) {
    ucnv_close(converter);
    *status = TM_CONVERT_FAILED;
    return NULL;
  }
  // One input byte never yields more than two UTF-16 units.
  size_t capacity16 = length * 2 + 16;
  UChar *utf16 = malloc(capacity16 * sizeof(UChar));
  if (utf16 == NULL) {
    ucnv_close(converter);
    *status = TM_CONVERT_FAILED;
    return NULL;
  }
  const char *source = (const char *)bytes;
  const char *source_limit = source + length;
  UChar *target = utf16;
  ucnv_toUnicode(converter, &target, utf16 + capacity16, &source,
                 bytes == NULL ? source : source_limit, NULL, true, &error);
  if (U_FAILURE(error)) {
    bool invalid = error == U_INVALID_CHAR_FOUND || error == U_ILLEGAL_CHAR_FOUND ||
                   error == U_TRUNCATED_CHAR_FOUND || error == U_ILLEGAL_ESCAPE_SEQUENCE ||
                   error == U_UNSUPPORTED_ESCAPE_SEQUENCE;
    if (invalid) {
      char bad[32];
      int8_t bad_length = sizeof(bad);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter, bad, &bad_length, &ignored);
      size_t consumed = (size_t)(source - (const char *)bytes);
      *error_offset = consumed >= (size_t)bad_length ? consumed - (size_t)bad_length : 0;
    }
    *status = invalid ? TM_CONVERT_INVALID_BYTES : TM_CONVERT_FAILED;
    free(utf16);
    ucnv_close(converter);
    return NULL;
  }
  ucnv_close(converter);
  int32_t units = (int32_t)(target - utf16);
  // Each UTF-16 unit needs at most three UTF-8 bytes.
  size_t capacity8 = (size_t)units * 3 + 1;
  char *utf8 = malloc(capacity8);
  if (utf8 == NULL) {
    free(utf16);
    *status = TM_CONVERT_FAILED;
    return NULL;
  }
  int32_t written = 0;
  error = U_ZERO_ERROR;
  u_strToUTF8(utf8, (int32_t)capacity8, &written, utf16, units, &error);
  free(utf16);
  if (U_FAILURE(error)) {
    free(utf8);
    *status = TM_CONVERT_FAILED;
    return NULL;
  }
  utf8[written] = '\0';
  *utf8_length = (size_t)written;
  *status = TM_CONVERT_OK;
  return utf8;
}

// MARK: - Charset detection

#include <unicode/ucsdet.h>

bool tm_detect_charset(const uint8_t *bytes, size_t length, char *name, size_t capacity, int32_t *confidence,
                       int32_t *runner_up) {
  *confidence = 0;
  *runner_up = 0;
  if (capacity == 0 || length == 0 || length > INT32_MAX) return false;
  UErrorCode error = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&error);
  if (U_FAILURE(error)) return false;
  ucsdet_setText(detector, (const char *)bytes, (int32_t)length, &error);
  int32_t count = 0;
  const UCharsetMatch **matches = U_SUCCESS(error) ? ucsdet_detectAll(detector, &count, &error) : NULL;
  bool found = false;
  if (U_SUCCESS(error) && matches != NULL && count > 0) {
    const char *detected = ucsdet_getName(matches[0], &error);
    int32_t score = ucsdet_getConfidence(matches[0], &error);
    if (U_SUCCESS(error) && detected != NULL && strlen(detected) < capacity) {
      strcpy(name, detected);
      *confidence = score;
      if (count > 1) *runner_up = ucsdet_getConfidence(matches[1], &error);
      found = U_SUCCESS(error);
    }
  }
  ucsdet_close(detector);
  return found;
}
