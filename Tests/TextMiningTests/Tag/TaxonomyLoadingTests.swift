import Foundation
import Testing

@testable import TextMining

@Suite struct TaxonomyLoadingTests {
  private func load(_ yaml: String) throws(ConfigurationError) -> Taxonomy {
    try Taxonomy.parse(yaml, file: "t.yml", sha256: "0")
  }

  @Test func loadsTheFixtureWithItsHash() throws {
    let taxonomy = try Fixtures.fiveCodeTaxonomy()
    #expect(taxonomy.name == "five-codes")
    #expect(taxonomy.version == "0.1")
    #expect(
      taxonomy.codes.map(\.code.rawValue) == [
        "partnership.lsp", "success_factor.trust", "success_factor.tradition_of_cooperation",
        "sector.public",
        "circle.break_out",
      ])
    #expect(taxonomy.sha256.count == 64)
  }

  /// A '#' inside a word is punctuation, not the number token (it once recursed forever).
  @Test func aHashInsideAWordIsPunctuation() throws {
    let taxonomy = try load(
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [oth#er, '# members']\n"
    )
    #expect(taxonomy.codes.first?.phrases.count == 2)
  }

  @Test func theProjectTaxonomyCoversTheRequiredCategories() throws {
    let categories = try Fixtures.projectTaxonomy().categories.map(\.name)
    for required in ["partnership", "success_factor", "circle"] {
      #expect(categories.contains(required))
    }
  }

  @Test(arguments: [
    (
      "name: x\nversion: '1'\ncategoriez: {}\n",
      "t.yml:3:1: unknown key 'categoriez' in the taxonomy"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [trust, {text: x, polarity: bad}]\n",
      "t.yml:7:46: unknown polarity 'bad'"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [trust]\n      c:\n        phrases: [Trusts]\n",
      "t.yml:9:19: phrase 'Trusts' of a.c matches the same words as 'trust' of a.b"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  Bad-Name:\n    codes: {}\n",
      "t.yml:4:3: category name 'Bad-Name'"
    ),
    ("name: [x\n", "t.yml:2:1: invalid YAML"),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [a-b-c-d-e-f-g-h]\n",
      "t.yml:7:19: phrase 'a-b-c-d-e-f-g-h' has 7 hyphens; at most 6"
    ),
    ("version: '1'\ncategories: {}\n", "t.yml:1:1: the taxonomy has no 'name'"),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: x, digits: true}]\n",
      "t.yml:7:19: phrase 'x' has 'digits' but no '#', or a hyphen"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: \"#-may\", digits: true}]\n",
      "t.yml:7:19: phrase '#-may' has 'digits' but no '#', or a hyphen"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [x]\ncontext:\n  negation:\n    denials: [doubt that]\n    doubts: [fear that]\n",
      "t.yml:11:13: negation 'doubts': 'fear that' is not one of the negation's 'denials'"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: x, singular: true, plural: true}]\n",
      "t.yml:7:19: phrases of 'a.b': a phrase cannot be both 'singular' and 'plural'"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [leader]\n        other_holders: [sector.private]\n",
      "t.yml:4:3: 'other_holders' of 'a.b' names code 'sector.private', which no category defines"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [budget]\n        partner_money: {code: a.c, owners: [partner], aims: [priority]}\n",
      "t.yml:4:3: 'partner_money' of 'a.b' names code 'a.c', which no category defines"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: covers, with: [a.c]}]\n",
      "t.yml:7:19: phrase 'covers' of 'a.b' is 'with' code 'a.c', which no category defines"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: covers, with: []}]\n",
      "t.yml:7:40: 'with' names no code"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: target, without: []}]\n",
      "t.yml:7:43: 'without' names no word"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [{text: target, without: [target audience]}]\n",
      "t.yml:7:43: 'without' takes single words; 'target audience' is several"
    ),
    // The keys of this session's rules take lists, and a label must say something.
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [budget]\n        partner_money: {code: a.b, owners: [partner], aims: [priority], moves: {a: b}}\n",
      "t.yml:8:80: 'moves' must be a list"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  grammar:\n    metadata_labels: ['']\n",
      "t.yml:6:23: a label of grammar 'metadata_labels' must not be empty"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  grammar:\n    recommendation_labels: [rec no]\n",
      "t.yml:6:29: a word of grammar 'recommendation_labels' must be one word: 'rec no'"
    ),
    // A rating has one verdict.
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  ratings: {positive: [green], negative: [green]}\n",
      "t.yml:5:42: the rating 'green' is given two verdicts in 'ratings'"
    ),
    // Proportions: the shares are per cent, in order, and a number word is one word.
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  proportions: {reached: [met], positive_share: 40, negative_share: 60}\n",
      "t.yml:5:16: proportions: 'negative_share' (60) is above 'positive_share' (40)"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  proportions:\n    positive_share: 120\n",
      "t.yml:6:21: 'positive_share' is 120, above its largest allowed value 100 (a share in per cent)"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  proportions:\n    numbers: {twenty four: 24}\n",
      "t.yml:6:15: a number word of proportions 'numbers' must be one word: 'twenty four'"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [x]\nparticipation:\n  default: a.b\n  back_references: {a: b}\n  sides: []\n",
      "t.yml:10:20: participation 'back_references' must be a list"
    ),
    // The LSP family's other bodies: heads are phrases, brand words a list.
    (
      "name: x\nversion: '1'\ncategories: {}\npartnership_names:\n  code: partnership.named\n  heads: [lsp]\n  family_brand_words: {a: b}\n",
      "t.yml:7:23: 'family_brand_words' must be a list"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\npartnership_names:\n  code: partnership.named\n  heads: [lsp]\n  family_heads: ['']\n",
      "t.yml:7:18: a phrase of 'family_heads' must not be empty"
    ),
    (
      "name: x\nversion: '1'\ncategories: {}\ncontext:\n  aspectual:\n    adverbs: [slowly]\n",
      "t.yml:6:5: unknown key 'adverbs' in 'aspectual'"
    ),
    // Only a code's own phrases may have constraints: nothing reads them elsewhere.
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [trust]\n        exclude: [{text: trust fund, with: [a.b]}]\n",
      "t.yml:8:38: unknown key 'with' in a phrase of exclusions"
    ),
  ])
  func reportsProblemsWithFileLineAndColumn(yaml: String, expected: String) {
    #expect {
      try load(yaml)
    } throws: { error in
      "\(error)".hasPrefix(expected)
    }
  }

  /// The word classes the rules read live in the taxonomy file: changing one changes what is
  /// tagged and the taxonomy's hash, so incremental runs re-tag.
  @Test func grammarWordClassesAreTaxonomyDataThatChangesTheHash() throws {
    let path = Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let edited = original.replacingOccurrences(
      of: "prepositions: [of, in, at,", with: "prepositions: [of, at,")
    #expect(edited != original)
    let folder = try TemporaryFolder()
    let before = try Taxonomy.load(from: try folder.write("a.yml", original))
    let after = try Taxonomy.load(from: try folder.write("b.yml", edited))
    #expect(before.sha256 != after.sha256)
    let sentence = "Notes\n\nAccountability in the Rothwick LSP is diffuse."
    // The rules' reading, without the polarity model (which may overrule it).
    func named(_ taxonomy: Taxonomy) throws -> Polarity? {
      var codebook = taxonomy.codebook
      codebook.polarityModel = nil
      let rules = try Taxonomy(codebook: codebook, file: "rules only")
      return try tag(sentence, with: rules).first { $0.code == "partnership.named" }?.polarity
    }
    // With "in" a preposition, the LSP is not the subject "is diffuse" judges.
    #expect(try named(before) == .neutral)
    #expect(try named(after) == .negative)
  }

  /// The project taxonomy's rules (without its polarity model, which may overrule them) as
  /// shipped and with each text edit made, both loaded from files.
  private func projectRules(editing edits: [(String, String)]) throws -> (Taxonomy, Taxonomy) {
    let path = Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    var edited = original
    for (old, new) in edits {
      #expect(edited.contains(old), "\(old)")
      edited = edited.replacingOccurrences(of: old, with: new)
    }
    let folder = try TemporaryFolder()
    func rules(_ text: String, _ name: String) throws -> Taxonomy {
      var codebook = try Taxonomy.load(from: try folder.write(name, text)).codebook
      codebook.polarityModel = nil
      return try Taxonomy(codebook: codebook, file: "rules only")
    }
    return (try rules(original, "a.yml"), try rules(edited, "b.yml"))
  }

  /// The polarity the tagger gives `code` in `sentence`, a paragraph of its own.
  private func paragraphPolarity(_ sentence: String, _ code: String, with taxonomy: Taxonomy)
    throws -> Polarity?
  {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).first {
      $0.code.rawValue == code
    }?.polarity
  }

  /// The words of excess are taxonomy data: without `excess_words`, "too centralised" judges
  /// nothing (the word is in no list).
  @Test func excessWordsAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [("excess_words: [too]", "excess_words: []")])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "Leadership of the board has become too centralised.", "success_factor.leadership",
        with: taxonomy)
    }
    #expect(try polarity(before) == .negative)
    #expect(try polarity(after) != .negative)
  }

  /// The aspectual verbs are taxonomy data: without `aspectual`'s verbs, "began to improve"
  /// judges nothing.
  @Test func aspectualVerbsAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      (
        "verbs: [begin, began, begun, beginning, start, started, starting, continue, continued,\n      continuing]",
        "verbs: []"
      )
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "Relations between partners began to improve.", "success_factor.working_relationships",
        with: taxonomy)
    }
    #expect(try polarity(before) == .positive)
    #expect(try polarity(after) == .neutral)
  }

  /// The comparison links are taxonomy data: without `comparison_links`, the qualifier of a
  /// comparison reaches the standard after "than".
  @Test func comparisonLinksAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      ("comparison_links: [than]", "comparison_links: []")
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "The council's leadership was stronger than the partnership's governance arrangements.",
        "governance.structures", with: taxonomy)
    }
    #expect(try polarity(before) == .neutral)
    #expect(try polarity(after) == .positive)
  }

  /// The denying leads are taxonomy data: without `denying_leads`, "far from transparent"
  /// praises the decision-making.
  @Test func denyingLeadsAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      (
        "denying_leads: [far from, a long way from, some way from, anything but, by no means, none too]",
        "denying_leads: []"
      )
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "The board's decision-making is far from transparent.", "governance.structures",
        with: taxonomy)
    }
    #expect(try polarity(before) == .negative)
    #expect(try polarity(after) == .positive)
  }

  /// The ends of a negation's reach are taxonomy data: without `negation_scope_ends`, "no chair
  /// since the change of political control" denies the change too.
  @Test func negationScopeEndsAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      (
        "negation_scope_ends: [after, before, since, following, until, during, because]",
        "negation_scope_ends: []"
      )
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "The board has had no permanent chair since the change of political control.",
        "success_factor.political_stability", with: taxonomy)
    }
    #expect(try polarity(before) == .negative)
    #expect(try polarity(after) == .positive)
  }

  /// The earlier states are taxonomy data: without `earlier_leads`, the hostility of the past
  /// is nearer the relations than their present and judges them.
  @Test func earlierStatesAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      (
        "earlier_leads: [once, formerly, previously, initially, originally, historically, at first,\n      had been, used to be]",
        "earlier_leads: []"
      )
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "Relations between the partners, once hostile, are now productive.",
        "success_factor.working_relationships", with: taxonomy)
    }
    #expect(try polarity(before) == .positive)
    #expect(try polarity(after) == .negative)
  }

  /// The later subjects are taxonomy data: without `later_subjects`, "it" keeps the later
  /// clause from overriding the earlier state.
  @Test func laterSubjectsAreTaxonomyData() throws {
    let (before, after) = try projectRules(editing: [
      ("later_subjects: [it, they, this, these]", "later_subjects: []")
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "Leadership of the board used to be weak; it is now strong.", "success_factor.leadership",
        with: taxonomy)
    }
    #expect(try polarity(before) == .positive)
    #expect(try polarity(after) == .negative)
  }

  /// The denials are taxonomy data: without `negation.denials`, "it is wrong to say that trust
  /// is low" reads the low trust.
  @Test func denialsAreTaxonomyData() throws {
    // (Only the denial the sentence uses is taken out, so that the test does not hang on the
    // rest of the list.)
    let (before, after) = try projectRules(editing: [
      ("    denials: [wrong to say, ", "    denials: [wrong to say nothing, ")
    ])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "It is wrong to say that trust between partners is low.", "success_factor.trust",
        with: taxonomy)
    }
    #expect(try polarity(before) == .positive)
    #expect(try polarity(after) == .negative)
  }

  /// The negative determiners are taxonomy data: without them, "little" reaches past "and
  /// strong" to the leadership.
  @Test func negativeDeterminersAreTaxonomyData() throws {
    let (before, after) = try projectRules(
      editing: [("negative_determiners: [no, little, few]", "negative_determiners: []")])
    func polarity(_ taxonomy: Taxonomy) throws -> Polarity? {
      try paragraphPolarity(
        "There is little trust and strong leadership.", "success_factor.leadership", with: taxonomy)
    }
    #expect(try polarity(before) == .positive)
    #expect(try polarity(after) == .negative)
  }

  /// Where a negation stops and what a part of a participant is are taxonomy data: taking
  /// "and" out of `predicate_conjunctions` lets "not" reach the powers, and "of" out of
  /// `part_of` makes members of the public members of the partnership.
  @Test func predicateConjunctionsAndPartOfAreTaxonomyData() throws {
    let (before, after) = try projectRules(
      editing: [
        ("predicate_conjunctions: [and]", "predicate_conjunctions: [nor]"),
        ("part_of: [of]", "part_of: [from]"),
      ])
    // (With a second negation, "and has no legal powers", "no" alone would deny the powers
    // either way: a negation does not reach past another joined to it by "and".)
    let powers = "Notes\n\nIt is not a council and has statutory powers of its own."
    #expect(
      try tag(powers, with: before).first { $0.code == "governance.status" }?.polarity
        == .neutral)
    #expect(
      try tag(powers, with: after).first { $0.code == "governance.status" }?.polarity
        == .negative)
    let attended = "Notes\n\nOnly a few meetings were attended by members of the public."
    #expect(
      try tag(attended, with: before).contains { $0.code == "governance.community_engagement" })
    #expect(try tag(attended, with: after).contains { $0.code == "governance.representation" })
  }

  /// "neither ... nor", a negated proposition ("no evidence that") and a reported future ("said
  /// it would") read through word classes of the taxonomy: emptying each changes the reading.
  @Test func continuingNegationsComplementizersAndReportedFuturesAreTaxonomyData() throws {
    let (before, after) = try projectRules(
      editing: [
        ("continuing_negations: [nor]", "continuing_negations: []"),
        ("complementizers: [that]", "complementizers: []"),
        ("reported_futures: [would]", "reported_futures: []"),
      ])
    #expect(before.sha256 != after.sha256)
    func polarity(_ sentence: String, _ code: String, _ taxonomy: Taxonomy) throws -> Polarity? {
      try tag("Notes\n\n" + sentence, with: taxonomy).first { $0.code == code }?.polarity
    }
    let neither = "Local employers were neither committed nor engaged."
    #expect(try polarity(neither, "governance.representation", before) == .negative)
    #expect(try polarity(neither, "governance.representation", after) == .positive)
    let evidence = "We found no evidence that the Wendle board has a plan or has strong leadership."
    #expect(try polarity(evidence, "success_factor.leadership", before) == .negative)
    #expect(try polarity(evidence, "success_factor.leadership", after) == .positive)
    func hedged(_ taxonomy: Taxonomy) throws -> Bool? {
      let document = DecodedDocument(
        text: "Notes\n\nThe manager reported that the LAA targets would be revised.",
        format: .plainText, encoding: "UTF-8")
      let segmented = try ICUSegmenter().segment(PlainTextExtractor().extractText(from: document))
      return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).first {
        $0.code.rawValue == "delivery.performance_management"
      }?.isHedged
    }
    #expect(try hedged(before) == false)
    #expect(try hedged(after) == true)
  }
}
