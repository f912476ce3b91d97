// CTextShim: the narrow C boundary between lspminer's Swift code and libxml2 / ICU.
//
// This header deliberately includes neither libxml2 nor ICU: a Swift module that sees ICU's
// headers and also imports Foundation does not compile (two definitions of UErrorCode), and ICU's
// versioned entry points are C macros Swift cannot call. Every function here takes and returns
// plain C types. All text is UTF-8; all offsets and lengths are in bytes of that UTF-8.

#ifndef CTEXTSHIM_H
#define CTEXTSHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

#ifdef __cplusplus
extern "C" {
#endif

/// Initialises libxml2 once per process. Call before any concurrent work.
void tm_initialize(void);

/// Frees memory returned by any tm_ function that says "caller frees with tm_free".
void tm_free(void *_Nullable pointer);

// MARK: - Charset conversion (ICU converters)

typedef enum tm_convert_status {
  TM_CONVERT_OK = 0,
  /// ICU knows no converter by that name.
  TM_CONVERT_UNKNOWN_CHARSET = 1,
  /// The bytes hold a sequence that is invalid or unmapped in the charset.
  TM_CONVERT_INVALID_BYTES = 2,
  /// Any other ICU failure (out of memory, ...).
  TM_CONVERT_FAILED = 3,
} tm_convert_status;

/// Converts `length` bytes in `charset` (an ICU converter name or alias) to UTF-8.
///
/// Conversion stops at the first invalid or unmapped byte sequence (no silent substitution).
/// Returns a NUL-terminated UTF-8 buffer, its length (without the NUL) in `*utf8_length`; the
/// caller frees it with tm_free. Returns NULL on failure, with `*status` saying why and
/// `*error_offset` the byte offset in the input where an invalid sequence starts (when known).
char *_Nullable tm_convert_to_utf8(const char *charset, const uint8_t *_Nullable bytes,
                                   size_t length, size_t *utf8_length,
                                   tm_convert_status *status, size_t *error_offset);

/// Guesses the charset of bytes with ICU's charset detector.
///
/// Writes the best match's name (such as "ISO-8859-2" or "Shift_JIS") into `name` (NUL-terminated,
/// at most `capacity` bytes), ICU's confidence in it, 0-100, into `*confidence`, and the
/// second-best match's confidence into `*runner_up`. Returns false when ICU finds no match.
bool tm_detect_charset(const uint8_t *bytes, size_t length, char *name, size_t capacity, int32_t *confidence,
                       int32_t *runner_up);

// MARK: - HTML text extraction (libxml2)

/// The structural role of an extracted block.
typedef enum tm_block_kind {
  TM_BLOCK_TITLE = 0,
  TM_BLOCK_HEADING = 1,
  TM_BLOCK_PARAGRAPH = 2,
  TM_BLOCK_LIST_ITEM = 3,
  TM_BLOCK_TABLE_CELL = 4,
  TM_BLOCK_LINE = 5,
  /// Text of a reader's comment, from a page's comment thread.
  TM_BLOCK_COMMENT = 6,
} tm_block_kind;

/// One block of visible text: a title, heading, paragraph, list item, table cell or line.
typedef struct tm_html_block {
  /// A tm_block_kind value.
  uint32_t kind;
  /// Heading level 1-6 for headings, 0 otherwise.
  uint32_t level;
  /// 1-based line in the parsed input where the block's first text starts (0 if unknown).
  uint32_t line;
  /// 1 when a <br> ended the block (the text goes on after the line break), 0 otherwise.
  uint32_t ends_at_break;
  /// Byte offset and length of the block's text in tm_html_document.text.
  size_t text_offset;
  size_t text_length;
} tm_html_block;

/// Metadata a page states about itself; each field NULL when absent (NUL-terminated UTF-8).
typedef struct tm_html_metadata {
  /// og:title or twitter:title.
  char *_Nullable title;
  /// The first h1's text, and the line it starts on (0 when unknown).
  char *_Nullable heading;
  uint32_t heading_line;
  /// author, article:author, or a byline's rel=author link text.
  char *_Nullable author;
  /// article:published_time, datePublished, date, DC.date, or the first <time datetime>.
  char *_Nullable published;
  /// The lang attribute of <html>.
  char *_Nullable language;
  /// The canonical URL: <link rel=canonical> or og:url.
  char *_Nullable url;
} tm_html_metadata;

/// Extraction result; release with tm_html_document_free.
typedef struct tm_html_document {
  /// The blocks' texts, back to back without separators (not NUL-terminated).
  char *_Nullable text;
  size_t text_length;
  tm_html_block *_Nullable blocks;
  size_t block_count;
  /// What the page states about itself.
  tm_html_metadata metadata;
  /// For a limit status: the depth or attribute count that broke the limit.
  uint64_t limit_value;
} tm_html_document;

/// Options for tm_html_extract.
enum {
  /// Keep page furniture (nav, header, footer, aside, forms, menu-like class names).
  TM_HTML_KEEP_FURNITURE = 1u << 0,
  /// Keep only the main content: the block container that scores best by text length, commas
  /// and link density, with its qualifying siblings (Readability-style), plus the title.
  TM_HTML_MAIN_CONTENT = 1u << 1,
};

/// Limits for tm_html_extract; a zero field means no limit of ours.
typedef struct tm_html_limits {
  /// Elements nested deeper than this stop the parse (libxml2's own depth cap of 256 is lifted
  /// only because this one applies).
  uint32_t max_depth;
  /// An element with more attributes than this refuses the page before it is parsed.
  uint32_t max_attributes;
  /// A page with more start tags than this is refused before it is parsed (a tree costs a few
  /// hundred bytes per element, so twelve million `<br>` would cost gigabytes).
  uint32_t max_elements;
  /// Seconds the extraction may take after the parse (checked every few thousand nodes).
  double max_seconds;
} tm_html_limits;

typedef enum tm_html_status {
  TM_HTML_OK = 0,
  /// libxml2 produced no document (input it cannot parse at all).
  TM_HTML_PARSE_FAILED = 1,
  TM_HTML_OUT_OF_MEMORY = 2,
  /// Nesting reached limits.max_depth; result->limit_value is the depth reached.
  TM_HTML_TOO_DEEP = 3,
  /// An element has more than limits.max_attributes; result->limit_value is its count.
  TM_HTML_TOO_MANY_ATTRIBUTES = 4,
  /// Extraction ran past limits.max_seconds.
  TM_HTML_OUT_OF_TIME = 5,
  /// The page has more than limits.max_elements start tags; result->limit_value is the count
  /// at which the scan stopped.
  TM_HTML_TOO_MANY_ELEMENTS = 6,
} tm_html_status;

/// Parses UTF-8 HTML with libxml2 (recover mode, no network, no entity loading) and returns its
/// visible text as blocks.
///
/// Script, style, noscript, template and page furniture are dropped unless options say
/// otherwise. White space inside a block collapses to single spaces; blocks are trimmed and empty
/// blocks omitted. The input's own charset declarations are ignored: it is UTF-8. A page that
/// breaks one of `limits` gives the matching status and no text.
tm_html_status tm_html_extract(const char *utf8, size_t length, uint32_t options, tm_html_limits limits,
                               tm_html_document *result);

/// Frees the buffers of a tm_html_document and zeroes it.
void tm_html_document_free(tm_html_document *document);

// MARK: - Segmentation (ICU break iterators over UTF-8)

/// A word token: UTF-8 byte offsets into the segmented text and ICU's word rule status
/// (100-199 number, 200-299 letter, 300-399 kana, 400-499 ideographic).
typedef struct tm_token {
  size_t start;
  size_t end;
  int32_t status;
} tm_token;

/// Segmentation result; release with tm_segmentation_free.
typedef struct tm_segmentation {
  /// Sentence boundaries as UTF-8 byte offsets: 0, each break, and the text's length.
  size_t *_Nullable sentence_boundaries;
  size_t sentence_boundary_count;
  /// Word tokens (letters, numbers, kana, ideographs; no spaces or punctuation), in order.
  tm_token *_Nullable tokens;
  size_t token_count;
} tm_segmentation;

/// Finds sentence and word boundaries in UTF-8 text with ICU, without converting it.
///
/// `locale` is an ICU locale ID; "en_GB@ss=standard" suppresses breaks after abbreviations
/// such as "Dr.". Returns 0 on success or an ICU error code (non-zero) on failure, in which
/// case `result` holds nothing to free.
int32_t tm_segment(const char *utf8, size_t length, const char *locale, tm_segmentation *result);

/// `tm_segment`, choosing how boundaries are found: with `ascii_fast_path` and an English locale
/// without keywords ("en", "en_GB"), plain ASCII is split into words and sentences by the rules
/// ICU would apply to it without asking ICU (the same boundaries, tested against ICU); otherwise
/// ICU's iterators read the whole text.
int32_t tm_segment_with(const char *utf8, size_t length, const char *locale, bool ascii_fast_path,
                        tm_segmentation *result);

/// Frees the arrays of a tm_segmentation and zeroes it.
void tm_segmentation_free(tm_segmentation *segmentation);

/// An archive opened for reading with libarchive (zip, tar, gzip, WARC, ...), one entry at a time.
typedef struct tm_archive tm_archive;

/// Opens an archive from a descriptor the caller opened and checked (and closes after
/// tm_archive_close). Every format and compression libarchive knows is accepted; a file that is
/// only compressed (`.gz`) reads as one entry. Returns NULL on failure, with the reason copied
/// into `error` (always NUL-terminated).
tm_archive *_Nullable tm_archive_open(int descriptor, char *error, size_t error_size);

/// Opens an archive held in memory (a member of another archive). The bytes are copied, so the
/// caller's buffer need not outlive the call. Returns NULL on failure, with the reason in `error`.
tm_archive *_Nullable tm_archive_open_memory(const uint8_t *data, size_t size, char *error, size_t error_size);

/// Moves to the next entry. Returns 1 and sets `name` (the name's bytes as the archive stores
/// them, after libarchive's conversion to UTF-8 where the format says what the charset is; valid
/// until the next call; NULL when the name cannot be read), `size` (-1 when the header does not
/// say) and `is_file` (0 for folders, links, devices) when there is one; 0 at the end; -1 on
/// error (see tm_archive_error). Names are read in a UTF-8 locale whatever the process's locale.
int tm_archive_next(tm_archive *archive, const char *_Nullable *_Nonnull name, int64_t *size, int *is_file);

/// Reads up to `capacity` bytes of the current entry's data. Returns the count, 0 at the end of
/// the entry, or -1 on error.
int64_t tm_archive_read(tm_archive *archive, uint8_t *buffer, size_t capacity);

/// The last error's text, or an empty string.
const char *tm_archive_error(tm_archive *archive);

/// The last error's system error number (EIO for a read error), or libarchive's code.
int tm_archive_errno(tm_archive *archive);

/// Bytes the archive format has consumed after decompression (libarchive's filter 0): what a
/// tar.gz has expanded to, skipped entries included.
int64_t tm_archive_decompressed_bytes(tm_archive *archive);

/// The archive's format: "WARC" for web archives, "raw" for a file that is only compressed,
/// otherwise libarchive's name for it ("ZIP 2.0 (deflation)", "POSIX ustar format").
const char *tm_archive_format_name(tm_archive *archive);

/// Closes the archive and frees it.
void tm_archive_close(tm_archive *_Nullable archive);

/// A zlib inflater for one compressed stream at a time: gzip members (`window_bits` 31), zlib
/// streams (15) or raw deflate (-15), as `inflateInit2` takes them.
typedef struct tm_inflate tm_inflate;

/// A new inflater, or NULL when zlib cannot make one.
tm_inflate *_Nullable tm_inflate_new(int window_bits);

/// Inflates from `input` into `output`. Sets `consumed` and `produced`. Returns 1 when the
/// stream (a gzip member) ended within the input consumed, 0 when it needs more input or
/// output room, -1 when the data is not a valid stream.
int tm_inflate_step(tm_inflate *inflater, const uint8_t *_Nullable input, size_t input_size,
                    size_t *consumed, uint8_t *output, size_t output_size, size_t *produced);

/// Makes the inflater ready for a new stream.
void tm_inflate_reset(tm_inflate *inflater);

/// Frees the inflater.
void tm_inflate_free(tm_inflate *_Nullable inflater);

#ifdef __cplusplus
}
#endif

#pragma clang assume_nonnull end

#endif
