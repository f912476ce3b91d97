// Archive reading with libarchive, behind the shim's narrow C API.
//
// Entry names are only reported, never used as paths: the caller decides what to do with them,
// so a name such as "../../etc/passwd" can never cause a write anywhere.
#include "CTextShim.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tm_archive {
  struct archive *reader;
};

static tm_archive *open_reader(int descriptor, int decompress_only, char *error, size_t error_size) {
  if (error_size > 0) error[0] = '\0';
  struct archive *reader = archive_read_new();
  if (reader == NULL) {
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  archive_read_support_filter_all(reader);
  if (!decompress_only) archive_read_support_format_all(reader);
  // A file that is only compressed (report.txt.gz) has no archive format: read it as one entry.
  archive_read_support_format_raw(reader);
  if (archive_read_open_fd(reader, descriptor, 64 * 1024) != ARCHIVE_OK) {
    const char *reason = archive_error_string(reader);
    snprintf(error, error_size, "%s", reason != NULL ? reason : "cannot open the archive");
    archive_read_free(reader);
    return NULL;
  }
  tm_archive *archive = calloc(1, sizeof *archive);
  if (archive == NULL) {
    archive_read_free(reader);
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  archive->reader = reader;
  return archive;
}

tm_archive *tm_archive_open(int descriptor, char *error, size_t error_size) {
  return open_reader(descriptor, 0, error, error_size);
}

tm_archive *tm_archive_open_stream(int descriptor, char *error, size_t error_size) {
  return open_reader(descriptor, 1, error, error_size);
}

int tm_archive_next(tm_archive *archive, const char **name, int64_t *size, int *is_file) {
  struct archive_entry *entry = NULL;
  int status = archive_read_next_header(archive->reader, &entry);
  if (status == ARCHIVE_EOF) return 0;
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) return -1;
  const char *pathname = archive_entry_pathname_utf8(entry);
  if (pathname == NULL) pathname = archive_entry_pathname(entry);
  *name = pathname != NULL ? pathname : "";
  *size = archive_entry_size_is_set(entry) ? (int64_t)archive_entry_size(entry) : -1;
  *is_file = archive_entry_filetype(entry) == AE_IFREG || archive_entry_filetype(entry) == 0;
  return 1;
}

int64_t tm_archive_read(tm_archive *archive, uint8_t *buffer, size_t capacity) {
  la_ssize_t count = archive_read_data(archive->reader, buffer, capacity);
  return count < 0 ? -1 : (int64_t)count;
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
  const char *name = archive_format_name(archive->reader);
  return name != NULL ? name : "";
}

void tm_archive_close(tm_archive *archive) {
  if (archive == NULL) return;
  archive_read_free(archive->reader);
  free(archive);
}
