/// A problem in a pipeline or taxonomy file, located by file, line and column.
///
/// Reads `file:line:column: message`, the form editors and compilers use, so a click in a
/// terminal or an editor's error list jumps to the spot.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// 1-based line, or 0 when the problem concerns the file as a whole.
  public var line: Int
  /// 1-based column in Unicode scalars, or 0.
  public var column: Int
  /// What is wrong and, where it helps, what would be right.
  public var message: String

  /// Creates a located configuration error.
  public init(file: String, line: Int = 0, column: Int = 0, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
  }
}
