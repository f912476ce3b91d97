/// How partnership names are found: "Oakridge Local Strategic Partnership", "Pendleby
/// Partnership Board (PPB)", "Marlow Fen First, the district's LSP".
public struct PartnershipNameRules: Sendable {
  /// The code a named mention carries, such as `partnership.named`.
  public var code: Code
  /// Words that end a partnership's name ("Local Strategic Partnership", "LSP", "Partnership").
  public var heads: [Codebook.Phrase] = []
  /// Heads of the other bodies of the LSP family ("Community Safety Partnership", "Community
  /// Empowerment Network"). A place before one names that body ("Barrowmere Community Safety
  /// Partnership"): a named partnership, since a name beats `equivalent`, but not the area's
  /// partnership, so the evidence around it is attributed as if it were not there.
  public var familyHeads: [Codebook.Phrase] = []
  /// Words theme partnerships brand themselves with before a place the text names a
  /// partnership after ("Safer Fennerby", "Healthier Hadstow Partnership"): such a brand is
  /// another body of the LSP family, as a `family_heads` name is. Normalised.
  public var familyBrandWords: Set<String> = []
  /// Words after such a brand that make it a theme group, which is `governance.structures`
  /// ("the Safer Kinsmere group", "the Healthier Hobthorpe theme group"). Normalised.
  public var familyGroupWords: Set<String> = []
  /// Name words that make a "... Partnership" a thematic or generic body, not a named LSP
  /// ("Community Safety Partnership", "Health and Wellbeing Partnership").
  public var themeWords: Set<String> = []
  /// The theme words of the LSP family's theme partnerships: a place and then only these before
  /// a head names another body of the family ("Cawdle Health and Wellbeing Partnership").
  /// Normalised. Empty: every theme word rejects the name.
  public var familyThemeWords: Set<String> = []
  /// Theme words that, after a place and alone before the head, name the place's own
  /// partnership ("Mardle Vale Community Partnership"). Normalised. Empty: none.
  public var placeThemeWords: Set<String> = []
  /// Capitalised words that are never a name's first word ("The", "This", "Our").
  public var stopWords: Set<String> = []
  /// Words of headings and agenda items: a name in capitals made only of them is not a name
  /// ("COMPOSITION OF THE LSP", "DE-COMMISSION OF LOCAL STRATEGIC PARTNERSHIP"). Normalised.
  public var headingWords: Set<String> = []
  /// Articles, pronouns and prepositions that, capitalised after a candidate name's first word,
  /// show a heading in title case or capitals ("Strengthening The LSP", "WHO IS ON THE LSP").
  /// Normalised.
  public var headingInnerWords: Set<String> = []
  /// Lower-case words of places written with hyphens ("Stowe-on-the-Fenn",
  /// "Newton-le-Marsh"): a hyphenated chain of capitalised words and these is one name word.
  /// Normalised.
  public var placeParticles: Set<String> = []
  /// Capitalised words after a brand that name its own bodies, not another name: "the Hadley
  /// Together Board", "the Hadley First Executive". Normalised.
  public var brandBodyWords: Set<String> = []
  /// Possessives that belong to a place's name rather than to an owner: "King's Harford",
  /// "Bishop's Wendle" (without the "'s"). Normalised.
  public var placePossessives: Set<String> = []
  /// Words after which any possessive is a place's: "St Aldric's Vale". Normalised.
  public var possessiveOpeners: Set<String> = []
  /// Endings of a sentence's first word that make it a verb or an adverb rather than a name's
  /// first word ("Drawing upon Marle LSP", "Supporting Hadley LSP", "Recently Marle LSP"),
  /// unless the text also writes the word with a capital inside a sentence. Lower case.
  public var openingSuffixes: [String] = []
  /// Prepositions after which a capitalised word is a place ("in Hadley", "across Hadley"):
  /// with an organisation word after it ("Hadley Council"), what makes a brand's place sure
  /// enough for its board to name it (`brandBodyWords`). Normalised.
  public var placePrepositions: Set<String> = []
  /// Lower-case words that may join two capitalised name words ("Isle of Wight", "Sandrigg and
  /// District"). Normalised.
  public var nameConnectors: Set<String> = ["and", "of"]
  /// Verbs that link a brand name to its description ("Ashby Together is the LSP").
  public var copulas: Set<String> = ["is", "was", "are"]
  /// Words that open the description of a brand name ("the", "our": "Hobthorpe Forward is our
  /// Local Strategic Partnership").
  public var appositiveDeterminers: Set<String> = ["the"]
  /// Lower-case heads after a known name's place words that mention it informally ("the
  /// Oakridge partnership"). Normalised.
  public var informalHeads: Set<String> = []
  /// Words that may follow a brand's description and end it ("Ashby Together is the LSP for
  /// the district"), besides a comma or the sentence's end. Normalised.
  public var appositiveEnders: Set<String> = [
    "for", "in", "of", "which", "that", "and", "covering", "serving",
  ]
  /// Area words that, after "and" or "&", do not change which partnership a name means
  /// ("Sandrigg and District Partnership Board" is the Sandrigg partnership). Normalised.
  public var areaWords: Set<String> = ["district"]
  /// Words that open a relative clause describing a brand as a copula would ("Brantholme
  /// Together, which is the local strategic partnership"). Normalised.
  public var relativeOpeners: Set<String> = []
  /// Phrases after which capitalised words are a partnership's name, in a sentence that holds
  /// a head ("the Brenthorne LSP, now known as One Brenthorne"), as normalised words.
  public var namingCues: [[String]] = []
  /// Phrases that give a named partnership another name, not a new one ("Scarrowby Wells LSP,
  /// which has operated under the name Wells Together"): the two are one partnership, and the
  /// name given first stays its value. As normalised words.
  public var otherNameCues: [[String]] = []
  /// Nouns that make a brand's copula a naming ("One Brenthorne is the name adopted by the
  /// Brenthorne LSP"). Normalised.
  public var namingNouns: Set<String> = []
  /// Words that link a verb after a brand to its description ("Marlow Together acts as the
  /// borough's LSP"). Normalised.
  public var descriptionLinks: Set<String> = []
  /// Words that open a person's name: a run that starts with one is not a brand ("Mr Neil
  /// Fanshawe: ..."). Normalised.
  public var personTitles: Set<String> = []
  /// Words of organisations and places: a run of capitalised words that holds one is a
  /// council, a force or a building, not a brand ("Brenthorne Council", "Brenthorne Civic
  /// Centre"). Normalised.
  public var organisationWords: Set<String> = []
  /// Last words of bodies' names ("Group", "Trust", "Committee"): "and" after one joins two
  /// bodies, not two words of one name ("the Marle Housing Trust and Hadley LSP"), as it does
  /// after a head's last word, an organisation word or a brand word. Normalised.
  public var bodyEnders: Set<String> = []
  /// Indefinite articles: capitalised words and a head after one describe a kind of body ("a
  /// Joint Local Service Board (LSB)"), unless a lower-case word follows the head ("a Hadley
  /// Partnership meeting"). Normalised.
  public var indefiniteArticles: Set<String> = []
  /// Capitalised words that, right after a head, make the whole the name of another body: a
  /// network of partnerships, a website, a fund ("Merrowshire LSP Network", "Ollerbank
  /// Partnership Online"). Normalised.
  public var otherBodies: Set<String> = []
  /// Words that open a byline or an address line, which ends a document's title block
  /// ("Published 3 October 2007 by ...", "Submitted to ..."). Normalised.
  public var bylineWords: Set<String> = []
  /// Words partnerships brand themselves with after a place ("Carrowfield Together", "Sheffield
  /// First") and before one ("One Barnsley", "Be Birmingham"). Normalised.
  public var brandWordsAfter: Set<String> = []
  /// Lower-case words a brand given an appositive or a copula may hold between one capitalised
  /// word and a place: "Pride in Pellingham, the Local Strategic Partnership for the borough".
  public var brandConnectors: Set<String> = []
  public var brandWordsBefore: Set<String> = []
  /// Words written in lower case when a name printed in capitals is put in ordinary case
  /// ("HARBURY AND DISTRICT TOGETHER" is "Harbury and District Together"). Normalised.
  public var lowerCaseWords: Set<String> = ["and", "of", "the", "for"]
  /// Words that, after a comma following a brand, show that a list goes on ("the partners are
  /// the LSP, Brenthorne Council, the police and the PCT"), as a capital does. Normalised.
  public var listContinuations: Set<String> = ["and", "or", "the"]

  /// The pseudo-code head matches carry.
  static let headCode = Code(category: "names", name: "head")
  /// The pseudo-code family head matches carry.
  static let familyCode = Code(category: "names", name: "family")

  var cueDefinitions: [Codebook.CodeDefinition] {
    [Codebook.CodeDefinition(code: Self.headCode, label: "head", phrases: heads, exclusions: [])]
      + (familyHeads.isEmpty
        ? []
        : [
          Codebook.CodeDefinition(
            code: Self.familyCode, label: "family head", phrases: familyHeads, exclusions: [])
        ])
  }
}
