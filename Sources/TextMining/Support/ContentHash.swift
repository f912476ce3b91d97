import Crypto
import Foundation

/// SHA-256 content hashes as 64 lowercase hex digits: a document's `doc_id`, a taxonomy's hash.
public enum ContentHash {
  /// The hash of some bytes.
  public static func hex(of bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).hexString
  }

  /// The hash of some data.
  public static func hex(of data: Data) -> String {
    SHA256.hash(data: data).hexString
  }
}

extension Sequence where Element == UInt8 {
  /// Lowercase hexadecimal digits of the bytes.
  var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var result: [UInt8] = []
    for byte in self {
      result.append(digits[Int(byte >> 4)])
      result.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: result, as: UTF8.self)
  }
}
