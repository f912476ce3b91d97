// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "lspminer",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lspminer", targets: ["lspminer"]),
    .library(name: "TextMining", targets: ["TextMining"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // System libxml2, found through pkg-config; only CTextShim depends on it.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The only code that sees libxml2 or ICU headers. Its public header uses C types only.
    .target(
      name: "CTextShim",
      dependencies: ["CLibXML2"],
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
        .linkedLibrary("archive"), .linkedLibrary("z"),
      ]
    ),
    .target(
      name: "TextMining",
      dependencies: [
        "CTextShim",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        // SQLite (the system's, libsqlite3-dev) for `lspminer export --sqlite`.
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "lspminer",
      dependencies: [
        "TextMining",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // Fuzz targets: each main.swift holds an LLVMFuzzerTestOneInput entry and, only when built
    // with -DFUZZING -sanitize=fuzzer,address (Scripts/fuzz.sh), hands itself to libFuzzer's
    // driver; a normal build makes programs that do nothing.
    // What each fuzz target does with one input, shared with the regression tests; not part of
    // the library product.
    .target(
      name: "FuzzHarness", dependencies: ["TextMining"], path: "Sources/Fuzz/Harness",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "FuzzExtract", dependencies: ["FuzzHarness"], path: "Sources/Fuzz/Extract",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "FuzzTag", dependencies: ["FuzzHarness"], path: "Sources/Fuzz/Tag",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "FuzzConfig", dependencies: ["FuzzHarness"], path: "Sources/Fuzz/Config",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "FuzzArchive", dependencies: ["FuzzHarness"], path: "Sources/Fuzz/Archive",
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TextMiningTests",
      dependencies: ["TextMining", "FuzzHarness"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "lspminerTests",
      dependencies: ["lspminer", "TextMining"],
      exclude: ["output-digests.txt"],
      swiftSettings: swiftSettings
    ),
  ]
)

var swiftSettings: [SwiftSetting] {
  [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
  ]
}
