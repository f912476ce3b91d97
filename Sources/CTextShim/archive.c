// Archive reading with libarchive, and zlib inflation, behind the shim's narrow C API.
//
// Entry names are only reported, never used as paths: the caller decides what to do with them,
// so a name such as "../../etc/passwd" can never cause a write anywhere.
//
// libarchive converts names to the charset of the current locale, and a process that never calls
// setlocale is in the "C" locale, where every name outside ASCII fails to convert (and comes back
// NULL). Every call into libarchive here runs with the calling thread's locale switched to a
// UTF-8 one (uselocale, which touches no other thread), so names arrive as UTF-8.
#include "CTextShim.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct tm_archive {
  struct archive *reader;
  uint8_t *memory;  // the bytes of an archive opened from memory, owned here
};

static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;

static void make_utf8_locale(void) {
  const char *names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8"};
  for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
    utf8_locale = newlocale(LC_CTYPE_MASK, names[index], (locale_t)0);
    if (utf8_locale != (locale_t)0) return;
  }
}

// Switches this thread to the UTF-8 locale; returns what to restore (0: nothing was switched).
static locale_t enter_utf8(void) {
  pthread_once(&utf8_locale_once, make_utf8_locale);
  return utf8_locale != (locale_t)0 ? uselocale(utf8_locale) : (locale_t)0;
}

static void leave_utf8(locale_t previous) {
  if (previous != (locale_t)0) uselocale(previous);
}

static struct archive *new_reader(char *error, size_t error_size) {
  if (error_size > 0) error[0] = '\0';
  struct archive *reader = archive_read_new();
  if (reader == NULL) {
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  archive_read_support_filter_all(reader);
  archive_read_support_format_all(reader);
  // A file that is only compressed (report.txt.gz) has no archive format: read it as one entry.
  archive_read_support_format_raw(reader);
  return reader;
}

static tm_archive *finish_open(struct archive *reader, int status, uint8_t *memory, char *error,
                               size_t error_size) {
  if (status != ARCHIVE_OK) {
    const char *reason = archive_error_string(reader);
    snprintf(error, error_size, "%s", reason != NULL ? reason : "cannot open the archive");
    archive_read_free(reader);
    free(memory);
    return NULL;
  }
  tm_archive *archive = calloc(1, sizeof *archive);
  if (archive == NULL) {
    archive_read_free(reader);
    free(memory);
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  archive->reader = reader;
  archive->memory = memory;
  return archive;
}

tm_archive *tm_archive_open(int descriptor, char *error, size_t error_size) {
  locale_t previous = enter_utf8();
  struct archive *reader = new_reader(error, error_size);
  tm_archive *archive = NULL;
  if (reader != NULL) {
    int status = archive_read_open_fd(reader, descriptor, 64 * 1024);
    archive = finish_open(reader, status, NULL, error, error_size);
  }
  leave_utf8(previous);
  return archive;
}

tm_archive *tm_archive_open_memory(const uint8_t *data, size_t size, char *error,
                                   size_t error_size) {
  uint8_t *copy = malloc(size > 0 ? size : 1);
  if (copy == NULL) {
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  if (size > 0) memcpy(copy, data, size);
  locale_t previous = enter_utf8();
  struct archive *reader = new_reader(error, error_size);
  tm_archive *archive = NULL;
  if (reader != NULL) {
    int status = archive_read_open_memory(reader, copy, size);
    archive = finish_open(reader, status, copy, error, error_size);
  } else {
    free(copy);
  }
  leave_utf8(previous);
  return archive;
}

int tm_archive_next(tm_archive *archive, const char **name, int64_t *size, int *is_file) {
  locale_t previous = enter_utf8();
  struct archive_entry *entry = NULL;
  int status = archive_read_next_header(archive->reader, &entry);
  int result = 1;
  if (status == ARCHIVE_EOF) {
    result = 0;
  } else if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    result = -1;
  } else if ((archive_format(archive->reader) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW &&
             archive_filter_code(archive->reader, 0) == ARCHIVE_FILTER_NONE) {
    // The raw format takes any bytes; without a compression filter they are no archive at all.
    archive_set_error(archive->reader, EINVAL,
                      "not an archive or a compressed file");
    result = -1;
  } else {
    const char *pathname = archive_entry_pathname(entry);
    if (pathname == NULL) pathname = archive_entry_pathname_utf8(entry);
    *name = pathname;
    *size = archive_entry_size_is_set(entry) ? (int64_t)archive_entry_size(entry) : -1;
    *is_file = archive_entry_filetype(entry) == AE_IFREG || archive_entry_filetype(entry) == 0;
  }
  leave_utf8(previous);
  return result;
}

int64_t tm_archive_read(tm_archive *archive, uint8_t *buffer, size_t capacity) {
  locale_t previous = enter_utf8();
  la_ssize_t count = archive_read_data(archive->reader, buffer, capacity);
  leave_utf8(previous);
  return count < 0 ? -1 : (int64_t)count;
}

int tm_archive_errno(tm_archive *archive) { return archive_errno(archive->reader); }

int64_t tm_archive_decompressed_bytes(tm_archive *archive) {
  return (int64_t)archive_filter_bytes(archive->reader, 0);
}

const char *tm_archive_error(tm_archive *archive) {
  const char *reason = archive_error_string(archive->reader);
  return reason != NULL ? reason : "";
}

const char *tm_archive_format_name(tm_archive *archive) {
  // libarchive names no WARC format (NULL); report the families callers treat apart.
  int format = archive_format(archive->reader) & ARCHIVE_FORMAT_BASE_MASK;
  if (format == ARCHIVE_FORMAT_WARC) return "WARC";
  if (format == ARCHIVE_FORMAT_RAW) return "raw";
  if (format == ARCHIVE_FORMAT_ZIP) return "ZIP";
  const char *name = archive_format_name(archive->reader);
  return name != NULL ? name : "";
}

void tm_archive_close(tm_archive *archive) {
  if (archive == NULL) return;
  archive_read_free(archive->reader);
  free(archive->memory);
  free(archive);
}

struct tm_inflate {
  z_stream stream;
};

tm_inflate *tm_inflate_new(int window_bits) {
  tm_inflate *inflater = calloc(1, sizeof *inflater);
  if (inflater == NULL) return NULL;
  if (inflateInit2(&inflater->stream, window_bits) != Z_OK) {
    free(inflater);
    return NULL;
  }
  return inflater;
}

int tm_inflate_step(tm_inflate *inflater, const uint8_t *input, size_t input_size, size_t *consumed,
                    uint8_t *output, size_t output_size, size_t *produced) {
  // zlib counts in uInt; a caller's larger buffers are used a piece at a time.
  uInt in_size = input_size > 0x40000000u ? 0x40000000u : (uInt)input_size;
  uInt out_size = output_size > 0x40000000u ? 0x40000000u : (uInt)output_size;
  inflater->stream.next_in = (Bytef *)input;
  inflater->stream.avail_in = input != NULL ? in_size : 0;
  inflater->stream.next_out = output;
  inflater->stream.avail_out = out_size;
  int status = inflate(&inflater->stream, Z_NO_FLUSH);
  *consumed = (input != NULL ? in_size : 0) - inflater->stream.avail_in;
  *produced = out_size - inflater->stream.avail_out;
  if (status == Z_STREAM_END) return 1;
  if (status == Z_OK || status == Z_BUF_ERROR) return 0;
  return -1;
}

void tm_inflate_reset(tm_inflate *inflater) { inflateReset(&inflater->stream); }

void tm_inflate_free(tm_inflate *inflater) {
  if (inflater == NULL) return;
  inflateEnd(&inflater->stream);
  free(inflater);
}
