import Foundation

extension PipelineDefinition {
  private static let keys = [
    "name", "description", "sources", "include", "exclude", "discover", "taxonomy", "output",
    "limits", "extract",
    "segment", "partnerships", "findings",
  ]

  /// Loads and checks a pipeline file.
  ///
  /// Keys: `name` (required; letters, digits, `-`, `_`, `.`), `description`, `sources` (folders,
  /// required), `include` and `exclude` (glob patterns), `taxonomy` (required), `output`
  /// (default `out/<name>` in the working directory), `discover: {follow_links_outside,
  /// extensionless}`, `limits:` (see `ProcessingLimits` for the keys), `extract: {keep_furniture,
  /// main_content}`, `segment: {locale}`, `partnerships: {aliases, sources}` (other names of
  /// partnerships, and source patterns mapped to the partnership they are about).
  ///
  /// - Parameters:
  ///   - path: the pipeline file, as the user named it.
  ///   - checksSources: false lets the source folders be missing (`stream`, which is given its
  ///     documents, as on a cluster's executors).
  /// - Returns: the pipeline, its relative paths resolved against the file's folder.
  /// - Throws: `ConfigurationError` as `file:line:column: message` for a wrong key or value, a
  ///   missing source folder or taxonomy file, or a bad pattern.
  public static func load(from path: String, checksSources: Bool = true) throws(ConfigurationError)
    -> PipelineDefinition
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
      throw ConfigurationError(file: path, message: "pipeline file \(reason)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigurationError(file: path, message: "the pipeline file is not UTF-8 text")
    }
    return try parse(text, file: path, checksSources: checksSources)
  }

  /// Parses pipeline YAML text (see `load(from:)`); relative paths resolve against `file`'s folder.
  /// With `checksPaths` false, source folders and the taxonomy file need not exist (the
  /// built-in pipeline).
  public static func parse(
    _ text: String, file: String, checksPaths: Bool = true, checksSources: Bool = true
  )
    throws(ConfigurationError)
    -> PipelineDefinition
  {
    let root = try YAMLNode.parse(text, file: file)
    let folder = (file as NSString).deletingLastPathComponent
    func resolve(_ path: String) -> String {
      path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }
    var name: String?
    var description = ""
    var sources: [String] = []
    var include: [GlobPattern] = []
    var includeGiven = false
    var exclude: [GlobPattern] = []
    var taxonomy: String?
    var output: String?
    var limits = ProcessingLimits()
    var followsLinksOutside = false
    var readsExtensionless = true
    var keepsFurniture = false
    var mainContent = true
    var locale = defaultSegmentationLocale
    var aliases = PartnershipAliases()
    var sourcePartnerships: [(pattern: GlobPattern, partnership: String)] = []
    var verdictRule = VerdictRule()

    for (key, _, value) in try root.mapping(allowedKeys: keys, what: "the pipeline") {
      switch key {
      case "name":
        let given = try value.nonEmptyString(what: "'name'")
        guard
          given.unicodeScalars.allSatisfy({
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
              || "-_.".unicodeScalars.contains($0)
          }),
          !given.hasPrefix(".")
        else {
          throw value.error(
            "pipeline name '\(given)' may hold only letters, digits, '-', '_' and '.'")
        }
        name = given
      case "description": description = try value.string(what: "'description'")
      case "sources":
        for item in try value.sequence(what: "'sources'") {
          let path = resolve(try item.nonEmptyString(what: "a source"))
          var isDirectory: ObjCBool = false
          if checksPaths, checksSources {
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
              throw item.error("source folder '\(path)' does not exist")
            }
            guard isDirectory.boolValue else {
              throw item.error("source '\(path)' is not a folder")
            }
          }
          sources.append(path)
        }
        guard !sources.isEmpty else {
          throw value.error("'sources' is empty; name at least one folder")
        }
      case "include":
        includeGiven = true
        include = try patterns(value, what: "'include'")
        guard !include.isEmpty else {
          throw value.error("'include' is empty; no file would be read")
        }
      case "exclude": exclude = try patterns(value, what: "'exclude'")
      case "taxonomy":
        let path = resolve(try value.nonEmptyString(what: "'taxonomy'"))
        guard !checksPaths || FileManager.default.fileExists(atPath: path) else {
          throw value.error("taxonomy file '\(path)' does not exist")
        }
        taxonomy = path
      case "output": output = resolve(try value.nonEmptyString(what: "'output'"))
      case "discover":
        for (option, _, optionValue) in try value.mapping(
          allowedKeys: ["follow_links_outside", "extensionless"], what: "'discover'")
        {
          switch option {
          case "follow_links_outside":
            followsLinksOutside = try optionValue.bool(what: "'follow_links_outside'")
          case "extensionless": readsExtensionless = try optionValue.bool(what: "'extensionless'")
          default: break
          }
        }
      case "limits":
        for (limit, _, limitValue) in try value.mapping(
          allowedKeys: ProcessingLimits.keys, what: "'limits'")
        {
          let what = "'\(limit)'"
          if let key = ProcessingLimits.integerKeys.first(where: { $0.name == limit }) {
            limits[keyPath: key.keyPath] = try limitValue.positiveInt(
              what: what, atMost: key.ceiling, reason: key.reason)
          } else if limit == "max_document_seconds" {
            limits.maxDocumentSeconds = try limitValue.positiveNumber(
              what: what, atMost: ProcessingLimits.maxDocumentSecondsCeiling, reason: "a day")
          } else if limit == "max_removed_share" {
            limits.maxRemovedShare = try limitValue.positiveNumber(
              what: what, atMost: 1, reason: "a share of the sources")
          }
        }
      case "extract":
        for (option, _, optionValue) in try value.mapping(
          allowedKeys: ["keep_furniture", "main_content"], what: "'extract'")
        {
          if option == "keep_furniture" {
            keepsFurniture = try optionValue.bool(what: "'keep_furniture'")
          } else {
            mainContent = try optionValue.bool(what: "'main_content'")
          }
        }
      case "findings":
        for (option, _, optionValue) in try value.mapping(
          allowedKeys: VerdictRule.keys, what: "'findings'")
        {
          let what = "'\(option)'"
          switch option {
          case "min_evidence":
            verdictRule.minEvidence = try optionValue.positiveInt(
              what: what, atMost: 1_000_000, reason: "a count of findings")
          case "circle_weight":
            verdictRule.circleWeight = try optionValue.positiveInt(
              what: what, atMost: 1000, reason: "a weight")
          case "cited":
            verdictRule.cited = try optionValue.positiveInt(
              what: what, atMost: 10_000, reason: "records cited per verdict")
          case "virtuous_share":
            verdictRule.virtuousShare = try optionValue.positiveNumber(
              what: what, atMost: 1, reason: "a share")
          default:
            verdictRule.viciousShare = try optionValue.positiveNumber(
              what: what, atMost: 1, reason: "a share")
          }
        }
        guard verdictRule.viciousShare < verdictRule.virtuousShare else {
          throw value.error("'vicious_share' must be below 'virtuous_share'")
        }
      case "partnerships":
        for (option, _, optionValue) in try value.mapping(
          allowedKeys: ["aliases", "sources"], what: "'partnerships'")
        {
          for (name, keyNode, entry) in try optionValue.mapping(
            allowedKeys: [], what: "partnerships '\(option)'")
          {
            if option == "aliases" {
              guard !name.isEmpty else { throw keyNode.error("a partnership name is empty") }
              let names = try entry.sequence(what: "the aliases of '\(name)'").map {
                item throws(ConfigurationError) in try item.nonEmptyString(what: "an alias")
              }
              aliases.entries.append(PartnershipAliases.Entry(name: name, aliases: names))
            } else {
              let pattern: GlobPattern
              do {
                pattern = try GlobPattern(name)
              } catch {
                throw keyNode.error("bad pattern: \(error.message)")
              }
              sourcePartnerships.append(
                (pattern, try entry.nonEmptyString(what: "the partnership of '\(name)'")))
            }
          }
        }
      case "segment":
        for (option, _, optionValue) in try value.mapping(
          allowedKeys: ["locale"], what: "'segment'") where option == "locale"
        {
          locale = try optionValue.nonEmptyString(what: "'locale'")
        }
      default: break
      }
    }
    guard let name else { throw root.error("the pipeline has no 'name'") }
    guard !sources.isEmpty else { throw root.error("the pipeline has no 'sources'") }
    guard let taxonomy else { throw root.error("the pipeline has no 'taxonomy'") }
    if !includeGiven {
      include = defaultInclude.compactMap { try? GlobPattern($0) }
    }
    var definition = PipelineDefinition(
      file: file, name: name, description: description, sources: sources, include: include,
      exclude: exclude,
      taxonomyPath: taxonomy, outputPath: output ?? "out/\(name)", limits: limits,
      keepsFurniture: keepsFurniture, segmentationLocale: locale)
    definition.keepsMainContentOnly = mainContent
    definition.followsLinksOutside = followsLinksOutside
    definition.readsExtensionless = readsExtensionless
    definition.partnershipAliases = aliases
    definition.sourcePartnerships = sourcePartnerships
    definition.verdictRule = verdictRule
    definition.sha256 = ContentHash.hex(of: Array(text.utf8))
    return definition
  }

  private static func patterns(_ value: YAMLNode, what: String) throws(ConfigurationError)
    -> [GlobPattern]
  {
    var patterns: [GlobPattern] = []
    for item in try value.sequence(what: what) {
      let text = try item.string(what: "a pattern")
      do {
        patterns.append(try GlobPattern(text))
      } catch {
        throw item.error(
          "bad pattern: \(error.message)", columnOffset: error.offset + (item.isQuoted ? 1 : 0))
      }
    }
    return patterns
  }
}
