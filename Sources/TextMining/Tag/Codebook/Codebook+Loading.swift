import Foundation

extension Codebook {
  /// Loads and checks a taxonomy file.
  ///
  /// The file is YAML: `name`, `version`, optional `description` and `codebook`, and
  /// `categories`, a mapping of category name to `description` and `codes`; each code maps to a
  /// `label` and `phrases`, each phrase a string or `{text: ..., polarity: negative}`.
  ///
  /// - Parameter path: the file, as the user named it (used in messages).
  /// - Returns: the codebook the file states (`Taxonomy.load(from:)` also compiles it).
  /// - Throws: `ConfigurationError` as `file:line:column: message`.
  public static func load(from path: String) throws(ConfigurationError) -> Codebook {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ConfigurationError(
        file: path, message: "cannot read the taxonomy file (\(Self.reason(error)))")
    }
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw ConfigurationError(file: path, message: "the taxonomy file is not UTF-8 text")
    }
    return try parse(text, file: path, sha256: ContentHash.hex(of: bytes))
  }

  /// Parses taxonomy YAML text (see `load(from:)`).
  public static func parse(_ text: String, file: String, sha256: String) throws(ConfigurationError)
    -> Codebook
  {
    let root = try YAMLNode.parse(text, file: file)
    var name: String?
    var version: String?
    var categories: [Category] = []
    var categoriesNode: YAMLNode?
    var context = ContextRules()
    var names: PartnershipNameRules?
    var namesNode: YAMLNode?
    var participation: ParticipationRules?
    var participationNode: YAMLNode?
    var polarityModel: PolarityModel?
    for (key, _, value) in try root.mapping(
      allowedKeys: [
        "name", "version", "description", "codebook", "categories", "context", "partnership_names",
        "participation", "polarity_model",
      ],
      what: "the taxonomy")
    {
      switch key {
      case "name": name = try value.nonEmptyString(what: "'name'")
      case "version": version = try value.nonEmptyString(what: "'version'")
      case "categories":
        categoriesNode = value
        for (categoryName, keyNode, categoryValue) in try value.mapping(
          allowedKeys: [], what: "'categories'")
        {
          categories.append(try parseCategory(categoryName, keyNode: keyNode, value: categoryValue))
        }
      case "context": context = try parseContext(value)
      case "partnership_names":
        namesNode = value
        names = try parseNames(value)
      case "participation":
        participationNode = value
        participation = try parseParticipation(value)
      case "polarity_model": polarityModel = try parsePolarityModel(value)
      default: break
      }
    }
    guard let name else { throw root.error("the taxonomy has no 'name'") }
    guard let version else { throw root.error("the taxonomy has no 'version'") }
    guard !categories.isEmpty else {
      throw (categoriesNode ?? root).error("the taxonomy has no categories")
    }
    for category in categories {
      for definition in category.codes
      where definition.phrases.isEmpty && definition.code != names?.code {
        throw (categoriesNode ?? root).error(
          "code '\(definition.code)' has no phrases (only the code of 'partnership_names' may have none)"
        )
      }
    }
    if let names, let namesNode,
      !categories.contains(where: { $0.codes.contains { $0.code == names.code } })
    {
      throw namesNode.error(
        "'partnership_names' names code '\(names.code)', which no category defines")
    }
    let definedCodes = Set(categories.flatMap { $0.codes.map(\.code) })
    for category in categories {
      for definition in category.codes {
        let money = definition.partnerMoney.map { [$0.code] + $0.ownerCodes.sorted() } ?? []
        for named in money where !definedCodes.contains(named) {
          throw (categoriesNode ?? root).error(
            "'partner_money' of '\(definition.code)' names code '\(named)', which no category defines"
          )
        }
        for holder in definition.otherHolders where !definedCodes.contains(holder) {
          throw (categoriesNode ?? root).error(
            "'other_holders' of '\(definition.code)' names code '\(holder)', which no category defines"
          )
        }
        for phrase in definition.phrases {
          for stronger in phrase.yieldsTo where !definedCodes.contains(stronger) {
            throw ConfigurationError(
              file: file, line: phrase.line, column: phrase.column,
              message:
                "phrase '\(phrase.text)' of '\(definition.code)' yields to code '\(stronger)', which no category defines"
            )
          }
          for companion in phrase.companions where !definedCodes.contains(companion) {
            throw ConfigurationError(
              file: file, line: phrase.line, column: phrase.column,
              message:
                "phrase '\(phrase.text)' of '\(definition.code)' is 'with' code '\(companion)', which no category defines"
            )
          }
        }
      }
    }
    if let participation, let participationNode {
      let defined = Set(categories.flatMap { $0.codes.map(\.code) })
      for code in [participation.defaultCode]
        + participation.sides.flatMap({ [$0.code] + $0.codes })
      where !defined.contains(code) {
        throw participationNode.error(
          "'participation' names code '\(code)', which no category defines")
      }
    }
    var codebook = Codebook(
      name: name, version: version, sha256: sha256, categories: categories, context: context,
      partnershipNames: names)
    codebook.participation = participation
    codebook.polarityModel = polarityModel
    return codebook
  }

  /// `polarity_model`: `trained_by` (how the weights were made) and `weights`, a block of lines
  /// `feature positive negative neutral` (see `PolarityModel.table`).
  private static func parsePolarityModel(_ node: YAMLNode) throws(ConfigurationError)
    -> PolarityModel
  {
    var trainedBy: String?
    var model: PolarityModel?
    for (key, _, value) in try node.mapping(
      allowedKeys: ["trained_by", "weights"], what: "'polarity_model'")
    {
      switch key {
      case "trained_by": trainedBy = try value.nonEmptyString(what: "'trained_by'")
      case "weights":
        let table = try value.string(what: "'weights'")
        // A block scalar's text starts on the line after its '|' (the node's line).
        model = try PolarityModel.parse(table: table, trainedBy: nil) { line, message in
          ConfigurationError(
            file: value.file, line: value.line + line, column: 0,
            message: "'polarity_model' weights: \(message)")
        }
      default: break
      }
    }
    guard var model else { throw node.error("'polarity_model' has no 'weights'") }
    model.trainedBy = trainedBy
    return model
  }

  private static func parseCategory(_ name: String, keyNode: YAMLNode, value: YAMLNode)
    throws(ConfigurationError) -> Category
  {
    guard isIdentifier(name) else {
      throw keyNode.error(
        "category name '\(name)' must be lower case letters, digits and underscores")
    }
    var description = ""
    var isJudged = true
    var codes: [CodeDefinition] = []
    var presence = false
    var byPredicate = false
    var verdict = false
    let keys = [
      "description", "judged", "judged_by_predicate", "verdict", "presence_is_positive", "codes",
    ]
    for (key, _, entry) in try value.mapping(allowedKeys: keys, what: "category '\(name)'") {
      switch key {
      case "description": description = try entry.string(what: "'description'")
      case "judged": isJudged = try entry.bool(what: "'judged'")
      case "presence_is_positive": presence = try entry.bool(what: "'presence_is_positive'")
      case "judged_by_predicate": byPredicate = try entry.bool(what: "'judged_by_predicate'")
      case "verdict": verdict = try entry.bool(what: "'verdict'")
      default:
        for (codeName, codeKey, codeValue) in try entry.mapping(
          allowedKeys: [], what: "codes of '\(name)'")
        {
          guard isIdentifier(codeName) else {
            throw codeKey.error(
              "code name '\(codeName)' must be lower case letters, digits and underscores")
          }
          codes.append(try parseCode(Code(category: name, name: codeName), value: codeValue))
        }
      }
    }
    guard !codes.isEmpty else { throw value.error("category '\(name)' has no codes") }
    return Category(
      name: name, description: description, isJudged: isJudged, presenceIsPositive: presence,
      isJudgedByPredicate: byPredicate, isVerdict: verdict, codes: codes)
  }

  private static func parseCode(_ code: Code, value: YAMLNode) throws(ConfigurationError)
    -> CodeDefinition
  {
    var label = ""
    var phrases: [Phrase] = []
    var exclusions: [Phrase] = []
    var otherHolders: [Code] = []
    var partnerMoney: PartnerMoney?
    for (key, _, entry) in try value.mapping(
      allowedKeys: ["label", "phrases", "exclude", "other_holders", "partner_money"],
      what: "code '\(code)'")
    {
      switch key {
      case "label": label = try entry.string(what: "'label'")
      case "phrases":
        phrases = try parsePhrases(entry, what: "phrases of '\(code)'", allowsConstraints: true)
      case "partner_money":
        var target: Code?
        var money = PartnerMoney(
          code: code, owners: [], ownerCodes: [], aims: [])
        for (moneyKey, _, moneyValue) in try entry.mapping(
          allowedKeys: [
            "code", "owners", "owner_codes", "aims", "modifiers", "money_words", "moves",
          ],
          what: "'partner_money' of '\(code)'")
        {
          switch moneyKey {
          case "code": target = try parseCode(moneyValue, what: "'code'")
          case "owners": money.owners = try parseWords(moneyValue, what: "'owners'")
          case "aims": money.aims = try parseWords(moneyValue, what: "'aims'")
          case "modifiers": money.modifiers = try parseWords(moneyValue, what: "'modifiers'")
          case "moves": money.moves = try parseWords(moneyValue, what: "'moves'")
          case "money_words":
            money.moneyWords = try parseWords(moneyValue, what: "'money_words'")
          default:
            for item in try moneyValue.sequence(what: "'owner_codes'") {
              money.ownerCodes.insert(try parseCode(item, what: "'owner_codes'"))
            }
          }
        }
        guard let target else { throw entry.error("'partner_money' of '\(code)' has no 'code'") }
        money.code = target
        partnerMoney = money
      case "other_holders":
        for item in try entry.sequence(what: "'other_holders' of '\(code)'") {
          otherHolders.append(try parseCode(item, what: "'other_holders' of '\(code)'"))
        }
      default: exclusions = try parsePhrases(entry, what: "exclusions of '\(code)'")
      }
    }
    var definition = CodeDefinition(
      code: code, label: label, phrases: phrases, exclusions: exclusions)
    definition.otherHolders = otherHolders
    definition.partnerMoney = partnerMoney
    return definition
  }

  /// A list of phrases. `with`, `with_words`, `without` and `yields_to` (`allowsConstraints`)
  /// are allowed only in a code's own phrases; a participation cue may take the word
  /// constraints alone (`allowsWordConstraints`): nothing else reads them.
  private static func parsePhrases(
    _ node: YAMLNode, what: String, allowsConstraints: Bool = false,
    allowsWordConstraints: Bool = false
  ) throws(ConfigurationError) -> [Phrase] {
    var phrases: [Phrase] = []
    for item in try node.sequence(what: what) {
      phrases.append(
        try parsePhrase(
          item, what: what, allowsConstraints: allowsConstraints,
          allowsWordConstraints: allowsWordConstraints))
    }
    return phrases
  }

  private static func parsePhrase(
    _ item: YAMLNode, what: String, allowsConstraints: Bool, allowsWordConstraints: Bool = false
  ) throws(ConfigurationError) -> Phrase {
    if item.isScalar {
      return Phrase(
        text: try item.nonEmptyString(what: "a phrase of \(what)"), line: item.line,
        column: item.column)
    }
    var phrase = Phrase(text: "", line: item.line, column: item.column)
    for (key, _, value) in try item.mapping(
      allowedKeys: ["text", "polarity", "singular", "plural", "skip_names", "digits"]
        + (allowsConstraints
          ? ["with", "with_words", "without", "yields_to"]
          : allowsWordConstraints ? ["with_words", "without"] : []),
      what: "a phrase of \(what)")
    {
      switch key {
      case "text": phrase.text = try value.nonEmptyString(what: "'text'")
      case "singular": phrase.isSingularOnly = try value.bool(what: "'singular'")
      case "plural": phrase.isPluralOnly = try value.bool(what: "'plural'")
      case "skip_names": phrase.skipsNames = try value.bool(what: "'skip_names'")
      case "digits": phrase.numbersInDigits = try value.bool(what: "'digits'")
      case "with":
        for code in try value.sequence(what: "'with'") {
          phrase.companions.append(try parseCode(code, what: "'with'"))
        }
        guard !phrase.companions.isEmpty else { throw value.error("'with' names no code") }
      case "yields_to":
        for code in try value.sequence(what: "'yields_to'") {
          phrase.yieldsTo.append(try parseCode(code, what: "'yields_to'"))
        }
        guard !phrase.yieldsTo.isEmpty else { throw value.error("'yields_to' names no code") }
      case "with_words":
        phrase.companionWords = try parseWords(value, what: "'with_words'")
        guard !phrase.companionWords.isEmpty else {
          throw value.error("'with_words' names no word")
        }
        // A companion word is compared with one token at a time.
        if let word = phrase.companionWords.first(where: Self.isSeveralTokens) {
          throw value.error("'with_words' takes single words; '\(word)' is several")
        }
      case "without":
        phrase.blockers = try parseWords(value, what: "'without'")
        guard !phrase.blockers.isEmpty else { throw value.error("'without' names no word") }
        // A blocker is compared with one token at a time.
        if let word = phrase.blockers.first(where: Self.isSeveralTokens) {
          throw value.error("'without' takes single words; '\(word)' is several")
        }
      default:
        let word = try value.string(what: "'polarity'")
        guard let parsed = Polarity(rawValue: word) else {
          throw value.error("unknown polarity '\(word)'; expected positive, negative or neutral")
        }
        phrase.polarity = parsed
      }
    }
    guard !phrase.text.isEmpty else { throw item.error("a phrase of \(what) has no 'text'") }
    guard !(phrase.isSingularOnly && phrase.isPluralOnly) else {
      throw item.error("\(what): a phrase cannot be both 'singular' and 'plural'")
    }
    return phrase
  }

  private static func parseContext(_ node: YAMLNode) throws(ConfigurationError) -> ContextRules {
    var rules = ContextRules()
    let groups = ["negation", "hedging", "qualifiers"]
    for (key, _, value) in try node.mapping(
      allowedKeys: [
        "window", "qualifier_window", "predicate_window", "terminators", "evaluative_vocabulary",
        "grammar", "proportions", "ratings", "aspectual",
      ] + groups,
      what: "'context'")
    {
      switch key {
      case "grammar":
        for (name, _, list) in try value.mapping(
          allowedKeys: [
            "coordinators", "determiners", "prepositions", "clause_openers", "list_conjunctions",
            "role_words", "role_openers", "role_links", "auxiliaries", "possessives",
            "resolution_labels", "metadata_labels", "news_labels", "recommendation_labels",
            "predicate_conjunctions", "continuing_negations", "complementizers", "reporting_verbs",
            "reported_futures", "question_openers", "counterfactual_past", "headline_subjects",
            "remedy_verbs", "excess_words", "excess_leads", "negative_determiners",
            "denying_leads", "earlier_leads", "earlier_trails", "later_states", "later_subjects",
            "factive_predicates", "continuing_qualifiers", "subject_pronouns", "predicate_leads",
            "opening_subordinators", "attention_verbs", "negative_subjects", "comparison_links",
            "negation_scope_ends",
          ], what: "'grammar'")
        {
          if name == "metadata_labels" {
            rules.grammar.metadataLabels = try parseWordSequences(
              list, what: "grammar 'metadata_labels'", item: "a label of grammar 'metadata_labels'")
            continue
          }
          // Lists of phrases, each read as its normalised words.
          let phrases: [String: WritableKeyPath<ContextRules.Grammar, [[String]]>] = [
            "denying_leads": \.denyingLeads, "earlier_leads": \.earlierLeads,
            "earlier_trails": \.earlierTrails,
          ]
          if let path = phrases[name] {
            rules.grammar[keyPath: path] = try parseWordSequences(
              list, what: "grammar '\(name)'", item: "a phrase of grammar '\(name)'")
            continue
          }
          // Auxiliaries, list conjunctions, clause openers, news and recommendation labels, and
          // the words of negation and hedging the context pass reads one token at a time, are
          // compared as written (lower case, unfolded: "news" is not "new"), the other lists
          // after normalisation.
          let asWritten = [
            "auxiliaries", "list_conjunctions", "clause_openers", "news_labels",
            "recommendation_labels", "reporting_verbs", "reported_futures", "continuing_negations",
            "complementizers", "question_openers", "counterfactual_past", "remedy_verbs",
            "excess_words", "excess_leads", "negative_determiners", "factive_predicates",
            "continuing_qualifiers", "predicate_leads", "attention_verbs", "opening_subordinators",
            "negative_subjects", "comparison_links", "negation_scope_ends",
          ].contains(name)
          let words =
            asWritten
            ? Set(
              try list.sequence(what: "grammar '\(name)'").map { item throws(ConfigurationError) in
                let word = try item.nonEmptyString(what: "a word of grammar '\(name)'").lowercased()
                // Only news labels are matched word by word; the others are one token.
                if name != "news_labels", word.contains(" ") {
                  throw item.error("a word of grammar '\(name)' must be one word: '\(word)'")
                }
                return word
              })
            : try parseWords(list, what: "grammar '\(name)'")
          switch name {
          case "coordinators": rules.grammar.coordinators = words
          case "determiners": rules.grammar.determiners = words
          case "prepositions": rules.grammar.prepositions = words
          case "clause_openers": rules.grammar.clauseOpeners = words
          case "role_words": rules.grammar.roleWords = words
          case "headline_subjects": rules.grammar.headlineSubjects = words
          case "role_openers": rules.grammar.roleOpeners = words
          case "role_links": rules.grammar.roleLinks = words
          case "later_states": rules.grammar.laterStates = words
          case "later_subjects": rules.grammar.laterSubjects = words
          case "auxiliaries": rules.grammar.auxiliaries = words
          case "possessives": rules.grammar.possessives = words
          case "news_labels": rules.grammar.newsLabels = words
          case "recommendation_labels": rules.grammar.recommendationLabels = words
          case "resolution_labels": rules.grammar.resolutionLabels = words
          case "predicate_conjunctions": rules.grammar.predicateConjunctions = words
          case "continuing_negations": rules.grammar.continuingNegations = words
          case "complementizers": rules.grammar.complementizers = words
          case "factive_predicates": rules.grammar.factivePredicates = words
          case "continuing_qualifiers": rules.grammar.continuingQualifiers = words
          case "subject_pronouns": rules.grammar.subjectPronouns = words
          case "reporting_verbs": rules.grammar.reportingVerbs = words
          case "reported_futures": rules.grammar.reportedFutures = words
          case "question_openers": rules.grammar.questionOpeners = words
          case "counterfactual_past": rules.grammar.counterfactualPast = words
          case "remedy_verbs": rules.grammar.remedyVerbs = words
          case "excess_words": rules.grammar.excessWords = words
          case "excess_leads": rules.grammar.excessLeads = words
          case "predicate_leads": rules.grammar.predicateLeads = words
          case "opening_subordinators": rules.grammar.openingSubordinators = words
          case "attention_verbs": rules.grammar.attentionVerbs = words
          case "negative_subjects": rules.grammar.negativeSubjects = words
          case "comparison_links": rules.grammar.comparisonLinks = words
          case "negation_scope_ends": rules.grammar.negationScopeEnds = words
          case "negative_determiners": rules.grammar.negativeDeterminers = words
          default: rules.grammar.listConjunctions = words
          }
        }
      case "evaluative_vocabulary":
        // Classes of evaluative words (failure, shortage, success ...), each read as a qualifier
        // of its polarity.
        for (polarity, _, classes) in try value.mapping(
          allowedKeys: ["negative", "positive"], what: "'evaluative_vocabulary'")
        {
          let kind: ContextRules.Kind = polarity == "negative" ? .negative : .positive
          for (name, _, list) in try classes.mapping(
            allowedKeys: [], what: "evaluative_vocabulary '\(polarity)'")
          {
            let words = try parsePhrases(list, what: "evaluative_vocabulary \(polarity) '\(name)'")
            rules.cues[kind, default: []] += words
          }
        }
      case "aspectual":
        // A verb of change after a verb that begins or continues it is said of the subject as
        // the verb alone would be: "relations began to improve" as "relations improved",
        // "attendance continues to fall" as "attendance fell". Each verb is read as a qualifier
        // of its polarity after each aspect verb and "to" (not alone: "to improve" is most
        // often an aim).
        var aspects: [String] = []
        var verbs: [(kind: ContextRules.Kind, words: [(String, YAMLNode)])] = []
        for (name, _, list) in try value.mapping(
          allowedKeys: ["verbs", "positive", "negative"], what: "'aspectual'")
        {
          let words = try list.sequence(what: "aspectual '\(name)'").map {
            item throws(ConfigurationError) in
            (try item.nonEmptyString(what: "a word of aspectual '\(name)'").lowercased(), item)
          }
          switch name {
          case "verbs": aspects = words.map(\.0)
          case "positive": verbs.append((.positive, words))
          default: verbs.append((.negative, words))
          }
        }
        for (kind, words) in verbs {
          rules.cues[kind, default: []] += words.flatMap { verb, item in
            aspects.map {
              Phrase(text: "\($0) to \(verb)", line: item.line, column: item.column)
            }
          }
        }
      case "proportions": rules.proportions = try parseProportions(value)
      case "ratings":
        // Rating words under the verdict they give: {positive: [green], negative: [red], ...}.
        for (polarity, keyNode, list) in try value.mapping(
          allowedKeys: ["positive", "negative", "neutral"], what: "'ratings'")
        {
          guard let verdict = Polarity(rawValue: polarity) else {
            throw keyNode.error("unknown polarity '\(polarity)' in 'ratings'")
          }
          for word in try parseWords(list, what: "ratings '\(polarity)'") {
            guard rules.ratings.updateValue(verdict, forKey: word) == nil else {
              throw list.error("the rating '\(word)' is given two verdicts in 'ratings'")
            }
          }
        }
      case "window": rules.window = try value.positiveInt(what: "'window'")
      case "qualifier_window":
        rules.qualifierWindow = try value.positiveInt(what: "'qualifier_window'")
      case "predicate_window":
        rules.predicateWindow = try value.positiveInt(what: "'predicate_window'")
      case "terminators": rules.cues[.terminator] = try parsePhrases(value, what: "'terminators'")
      default:
        let kinds = ContextRules.Kind.allCases.filter { $0.group == key }
        let extra = key == "negation" ? ["denials", "doubts"] : []
        var doubts: (node: YAMLNode, phrases: [Phrase])?
        for (name, _, list) in try value.mapping(
          allowedKeys: kinds.map(\.key) + extra, what: "'\(key)'")
        {
          // Denials of a claim are negations before ("wrong to say"), which deny the whole
          // claim after them.
          if name == "denials" {
            let phrases = try parsePhrases(list, what: "negation 'denials'")
            rules.cues[.negationBefore, default: []] += phrases
            rules.denials = phrases.map { words(of: $0.text) }
            continue
          }
          // Denials that also put the claim forward as uncertain ("the panel doubts that").
          if name == "doubts" {
            doubts = (list, try parsePhrases(list, what: "negation 'doubts'"))
            continue
          }
          guard let kind = kinds.first(where: { $0.key == name }) else { continue }
          rules.cues[kind, default: []] += try parsePhrases(list, what: "\(key) '\(name)'")
        }
        if let doubts {
          rules.doubts = doubts.phrases.map { words(of: $0.text) }
          if let stray = doubts.phrases.first(where: { !rules.denials.contains(words(of: $0.text)) }
          ) {
            throw doubts.node.error(
              "negation 'doubts': '\(stray.text)' is not one of the negation's 'denials'")
          }
        }
      }
    }
    return rules
  }

  /// `context.proportions`: what a part of a whole reached, number words, shortfall words and
  /// the two shares (per cent) that divide success, no judgement and shortfall.
  private static func parseProportions(_ node: YAMLNode) throws(ConfigurationError)
    -> ContextRules.Proportions
  {
    var rules = ContextRules.Proportions()
    for (key, _, value) in try node.mapping(
      allowedKeys: [
        "reached", "passive", "passive_auxiliaries", "partial", "goals", "adverbs", "numbers",
        "shortfall",
        "positive_share", "negative_share",
      ],
      what: "'proportions'")
    {
      switch key {
      case "reached":
        rules.reached = try parseWordSequences(
          value, what: "proportions 'reached'", item: "a mark of proportions 'reached'")
      case "numbers":
        for (word, wordNode, number) in try value.mapping(
          allowedKeys: [], what: "proportions 'numbers'")
        {
          let normalized = TokenNormalizer.normalize(word)
          guard !normalized.isEmpty, !normalized.contains(" ") else {
            throw wordNode.error(
              "a number word of proportions 'numbers' must be one word: '\(word)'")
          }
          rules.numbers[normalized] = try number.positiveInt(what: "the value of '\(word)'")
        }
      case "shortfall": rules.shortfall = try parseWords(value, what: "proportions 'shortfall'")
      case "passive": rules.passive = try parseWords(value, what: "proportions 'passive'")
      case "partial": rules.partial = try parseWords(value, what: "proportions 'partial'")
      case "goals": rules.goals = try parseWords(value, what: "proportions 'goals'")
      case "adverbs": rules.adverbs = try parseWords(value, what: "proportions 'adverbs'")
      case "passive_auxiliaries":
        rules.passiveAuxiliaries = Set(
          try value.sequence(what: "proportions 'passive_auxiliaries'").map {
            item throws(ConfigurationError) in
            let word = try item.nonEmptyString(what: "a word of proportions 'passive_auxiliaries'")
              .lowercased()
            guard !word.contains(" ") else {
              throw item.error(
                "a word of proportions 'passive_auxiliaries' must be one word: '\(word)'")
            }
            return word
          })
      case "positive_share":
        rules.positiveShare = try value.positiveInt(
          what: "'positive_share'", atMost: 100, reason: "a share in per cent")
      default:
        rules.negativeShare = try value.positiveInt(
          what: "'negative_share'", atMost: 100, reason: "a share in per cent")
      }
    }
    guard rules.negativeShare <= rules.positiveShare else {
      throw node.error(
        "proportions: 'negative_share' (\(rules.negativeShare)) is above 'positive_share' (\(rules.positiveShare))"
      )
    }
    return rules
  }

  private static func parseNames(_ node: YAMLNode) throws(ConfigurationError)
    -> PartnershipNameRules
  {
    var code: Code?
    var rules = PartnershipNameRules(code: Code(category: "partnership", name: "named"))
    for (key, _, value) in try node.mapping(
      allowedKeys: [
        "code", "heads", "family_heads", "family_brand_words", "family_group_words", "theme_words",
        "family_theme_words", "place_theme_words",
        "stop_words", "heading_words", "heading_inner_words", "place_particles", "name_connectors",
        "copulas",
        "appositive_determiners", "informal_heads", "appositive_enders", "area_words",
        "relative_openers", "naming_cues", "other_name_cues", "naming_nouns", "description_links",
        "person_titles", "organisation_words", "other_bodies", "byline_words",
        "brand_words_after", "brand_words_before", "brand_body_words", "brand_connectors",
        "place_possessives",
        "possessive_openers", "opening_suffixes", "place_prepositions", "body_enders",
        "indefinite_articles",
        "lower_case_words",
        "list_continuations",
      ], what: "'partnership_names'")
    {
      switch key {
      case "code":
        let raw = try value.nonEmptyString(what: "'code'")
        guard let parsed = Code(rawValue: raw) else {
          throw value.error("'\(raw)' is not a code (category.name)")
        }
        code = parsed
      case "heads": rules.heads = try parsePhrases(value, what: "'heads'")
      case "family_heads": rules.familyHeads = try parsePhrases(value, what: "'family_heads'")
      case "family_brand_words":
        rules.familyBrandWords = try parseWords(value, what: "'family_brand_words'")
      case "family_group_words":
        rules.familyGroupWords = try parseWords(value, what: "'family_group_words'")
      case "heading_words": rules.headingWords = try parseWords(value, what: "'heading_words'")
      case "heading_inner_words":
        rules.headingInnerWords = try parseWords(value, what: "'heading_inner_words'")
      case "place_particles":
        rules.placeParticles = try parseWords(value, what: "'place_particles'")
      case "name_connectors":
        rules.nameConnectors = try parseWords(value, what: "'name_connectors'")
      case "copulas": rules.copulas = try parseWords(value, what: "'copulas'")
      case "appositive_determiners":
        rules.appositiveDeterminers = try parseWords(value, what: "'appositive_determiners'")
      case "informal_heads": rules.informalHeads = try parseWords(value, what: "'informal_heads'")
      case "appositive_enders":
        rules.appositiveEnders = try parseWords(value, what: "'appositive_enders'")
      case "area_words": rules.areaWords = try parseWords(value, what: "'area_words'")
      case "relative_openers":
        rules.relativeOpeners = try parseWords(value, what: "'relative_openers'")
      case "naming_nouns": rules.namingNouns = try parseWords(value, what: "'naming_nouns'")
      case "person_titles": rules.personTitles = try parseWords(value, what: "'person_titles'")
      case "organisation_words":
        rules.organisationWords = try parseWords(value, what: "'organisation_words'")
      case "other_bodies": rules.otherBodies = try parseWords(value, what: "'other_bodies'")
      case "byline_words": rules.bylineWords = try parseWords(value, what: "'byline_words'")
      case "brand_words_after":
        rules.brandWordsAfter = try parseWords(value, what: "'brand_words_after'")
      case "brand_connectors":
        rules.brandConnectors = try parseWords(value, what: "'brand_connectors'")
      case "place_prepositions":
        rules.placePrepositions = try parseWords(value, what: "'place_prepositions'")
      case "possessive_openers":
        rules.possessiveOpeners = try parseWords(value, what: "'possessive_openers'")
      case "body_enders": rules.bodyEnders = try parseWords(value, what: "'body_enders'")
      case "indefinite_articles":
        rules.indefiniteArticles = try parseWords(value, what: "'indefinite_articles'")
      case "opening_suffixes":
        rules.openingSuffixes = try parseWords(value, what: "'opening_suffixes'").sorted()
      case "place_possessives":
        rules.placePossessives = try parseWords(value, what: "'place_possessives'")
      case "brand_body_words":
        rules.brandBodyWords = try parseWords(value, what: "'brand_body_words'")
      case "brand_words_before":
        rules.brandWordsBefore = try parseWords(value, what: "'brand_words_before'")
      case "lower_case_words":
        rules.lowerCaseWords = try parseWords(value, what: "'lower_case_words'")
      case "list_continuations":
        rules.listContinuations = try parseWords(value, what: "'list_continuations'")
      case "description_links":
        rules.descriptionLinks = try parseWords(value, what: "'description_links'")
      case "naming_cues":
        rules.namingCues = try parseWordSequences(
          value, what: "'naming_cues'", item: "a naming cue")
      case "other_name_cues":
        rules.otherNameCues = try parseWordSequences(
          value, what: "'other_name_cues'", item: "an other-name cue")
      case "theme_words":
        rules.themeWords = Set(
          try value.sequence(what: "'theme_words'").map { item throws(ConfigurationError) in
            TokenNormalizer.normalize(try item.nonEmptyString(what: "a theme word"))
          })
      case "place_theme_words":
        rules.placeThemeWords = Set(
          try value.sequence(what: "'place_theme_words'").map {
            item throws(ConfigurationError) in
            TokenNormalizer.normalize(try item.nonEmptyString(what: "a place theme word"))
          })
      case "family_theme_words":
        rules.familyThemeWords = Set(
          try value.sequence(what: "'family_theme_words'").map {
            item throws(ConfigurationError) in
            TokenNormalizer.normalize(try item.nonEmptyString(what: "a family theme word"))
          })
      default:
        rules.stopWords = Set(
          try value.sequence(what: "'stop_words'").map { item throws(ConfigurationError) in
            try item.nonEmptyString(what: "a stop word")
          })
      }
    }
    guard let code else { throw node.error("'partnership_names' has no 'code'") }
    rules.code = code
    guard !rules.heads.isEmpty else { throw node.error("'partnership_names' has no 'heads'") }
    return rules
  }

  private static func parseCode(_ node: YAMLNode, what: String) throws(ConfigurationError) -> Code {
    let raw = try node.nonEmptyString(what: what)
    guard let code = Code(rawValue: raw) else {
      throw node.error("'\(raw)' is not a code (category.name)")
    }
    return code
  }

  /// Whether a word of `with_words` or `without` would be several tokens to the tagger, which
  /// splits at spaces, hyphens and slashes ("part-time" is "part", "-", "time").
  private static func isSeveralTokens(_ word: String) -> Bool {
    word.contains { $0 == " " || $0 == "-" || $0 == "/" || $0 == "\u{2010}" || $0 == "\u{2013}" }
  }

  private static func parseWords(_ node: YAMLNode, what: String) throws(ConfigurationError)
    -> Set<String>
  {
    Set(
      try node.sequence(what: what).map { item throws(ConfigurationError) in
        TokenNormalizer.normalize(try item.nonEmptyString(what: "a word of \(what)"))
      })
  }

  /// A list of phrases of one or more words, each split at its spaces and normalised word by
  /// word ("under the name" → ["under", "the", "name"]), for cues matched token by token.
  private static func parseWordSequences(_ node: YAMLNode, what: String, item: String)
    throws(ConfigurationError) -> [[String]]
  {
    try node.sequence(what: what).map { entry throws(ConfigurationError) in
      words(of: try entry.nonEmptyString(what: item))
    }
  }

  /// A phrase's words, each normalised as the tagger compares tokens.
  private static func words(of phrase: String) -> [String] {
    phrase.split(separator: " ").map { TokenNormalizer.normalize(String($0)) }
  }

  private static func parseParticipation(_ node: YAMLNode) throws(ConfigurationError)
    -> ParticipationRules
  {
    var rules = ParticipationRules(
      defaultCode: Code(category: "governance", name: "community_engagement"))
    var hasDefault = false
    for (key, _, value) in try node.mapping(
      allowedKeys: [
        "cues", "weak_cues", "default", "window", "back_references", "part_of", "sides",
      ],
      what: "'participation'")
    {
      switch key {
      case "cues":
        rules.cues = try parsePhrases(
          value, what: "participation 'cues'", allowsWordConstraints: true)
      case "weak_cues":
        rules.weakCues = try parsePhrases(
          value, what: "participation 'weak_cues'", allowsWordConstraints: true)
      case "default":
        rules.defaultCode = try parseCode(value, what: "participation 'default'")
        hasDefault = true
      case "window": rules.window = try value.positiveInt(what: "participation 'window'")
      case "back_references":
        rules.backReferences = try parseWords(value, what: "participation 'back_references'")
      case "part_of": rules.partOf = try parseWords(value, what: "participation 'part_of'")
      default:
        for item in try value.sequence(what: "participation 'sides'") {
          var code: Code?
          var side = ParticipationRules.Side(
            code: Code(category: "x", name: "x"), words: [], codes: [])
          for (sideKey, _, sideValue) in try item.mapping(
            allowedKeys: ["code", "words", "codes", "cues", "leaning_cues"],
            what: "a participation side")
          {
            switch sideKey {
            case "code": code = try parseCode(sideValue, what: "'code'")
            case "words": side.words = try parseWords(sideValue, what: "'words'")
            case "cues":
              side.cues = try parsePhrases(
                sideValue, what: "a side's 'cues'", allowsWordConstraints: true)
            case "leaning_cues":
              side.leaningCues = try parsePhrases(
                sideValue, what: "a side's 'leaning_cues'", allowsWordConstraints: true)
            default:
              side.codes = Set(
                try sideValue.sequence(what: "'codes'").map { entry throws(ConfigurationError) in
                  try parseCode(entry, what: "a code")
                })
            }
          }
          guard let code else { throw item.error("a participation side has no 'code'") }
          side.code = code
          rules.sides.append(side)
        }
      }
    }
    guard hasDefault else { throw node.error("'participation' has no 'default'") }
    guard !rules.sides.isEmpty else { throw node.error("'participation' has no 'sides'") }
    return rules
  }

  private static func isIdentifier(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
      }
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message)
    }
    return nsError.localizedDescription
  }
}
