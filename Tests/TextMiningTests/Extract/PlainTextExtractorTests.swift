import Testing

@testable import TextMining

@Suite struct PlainTextExtractorTests {
  private func extract(_ text: String) throws -> ExtractedText {
    try PlainTextExtractor().extractText(
      from: DecodedDocument(text: text, format: .plainText, encoding: "UTF-8"))
  }

  @Test func joinsHardWrappedLinesAndHyphenatedWords() throws {
    let decoded = try CharsetDecoder().decode(
      try Fixtures.bytes("text/hard-wrapped.txt"), format: .plainText)
    let extracted = try PlainTextExtractor().extractText(from: decoded)
    #expect(
      extracted.texts == [
        "Harbury Partnership Review 2004",
        "1 Introduction",
        "This review looks at the Harbury Local Strategic Partnership and the way its members work together. "
          + "There is a long tradition of co-operation between the council and the police, and the partnerships "
          + "that grew from it are valued by residents and officers alike.",
        "Present:", "Cllr. A. Jones", "Dr. B. Patel",
        "The board agreed its terms of reference and asked the executive group to report on the Local Area Agreement.",
        "Resources remain tight.",
      ])
    #expect(extracted.title == "Harbury Partnership Review 2004")
    #expect(extracted.blocks.map(\.line) == [1, 3, 5, 10, 11, 12, 14, 16])
    #expect(extracted.blocks[6].kind == .listItem)
  }

  /// A few long lines left unwrapped at the end (a list of recommendations pasted in) do not
  /// hide the width the paragraphs were wrapped at: a line that ends before a capital
  /// ("... the Local Strategic" over "Partnership decides ...") still goes on.
  @Test func aFewUnwrappedLongLinesDoNotHideTheWrapWidth() throws {
    let texts = try extract(
      "ASHBY VALE LOCAL STRATEGIC PARTNERSHIP\n\nPurpose\n\nThis paper sets out how the partnership proposes to spend its share of the\nNeighbourhood Renewal Fund in the coming year and asks the Board to agree the\ncommissioning round that follows it.\n\nAshby Vale is one of the areas that receive the fund, and the Local Strategic\nPartnership decides how it is used. The allocation is the same cash sum as last\nyear, which is a cut in real terms.\n\nIn the first two years the money was spread across many small projects, and the\nannual review was blunt about what they achieved. The Board accepted that\ncriticism and this round concentrates the money on fewer schemes.\n\nRecommendations\n\n1. That the allocations set out in the table above be approved by the Board for the financial year now beginning in April.\n2. That the Finance Sub-Group report to the Board in October on progress against each scheme's outcome measures and spending.\n3. That a review of the commissioning process, taking account of the views of the voluntary sector forum, come to the Board in January.\n4. That officers write to every applicant whose bid was not supported, setting out the reasons and the help on offer for next year.\n"
    ).texts
    #expect(
      texts.contains {
        $0.hasPrefix("Ashby Vale is one of the areas")
          && $0.contains("the Local Strategic Partnership decides how it is used.")
      })
    #expect(texts.filter { $0.hasPrefix("1. ") || $0.hasPrefix("4. ") }.count == 2)
    #expect(texts.count == 10)
  }

  @Test func readsWindowsLineEndings() throws {
    let decoded = try CharsetDecoder().decode(
      try Fixtures.bytes("text/crlf.txt"), format: .plainText)
    let extracted = try PlainTextExtractor().extractText(from: decoded)
    #expect(extracted.texts == ["CRLF report", "The tradition of co-operation is long."])
  }

  @Test func treatsLinesOfOnlySpacesAsBlank() throws {
    #expect(try extract("Title\n   \nFirst paragraph.\n \t \nSecond paragraph.").texts.count == 3)
  }

  @Test func writesBlocksSeparatedByBlankLines() throws {
    let extracted = try extract("Title\n\nOne.\n\nTwo.")
    #expect(extracted.text == "Title\n\nOne.\n\nTwo.\n")
    #expect(extracted.blockUTF8Offsets == [0, 7, 13])
  }

  /// A thread quotes each earlier message again under each reply: the first copy is the
  /// evidence, and a quoted block the document has already given is left out.
  @Test func textQuotedAgainInAThreadIsReadOnce() throws {
    let extracted = try extract(
      "Thanks, agreed.\n\n> The VCS has one seat on the board.\n>\n> Can we ask for two?\n\n"
        + "> > The VCS has one seat on the board.\n> >\n> > Can we ask for two?\n")
    #expect(
      extracted.texts == [
        "Thanks, agreed.", "The VCS has one seat on the board.", "Can we ask for two?",
      ])
  }

  @Test func aRepliesQuotationMarksAreTakenOff() throws {
    let extracted = try extract(
      "Subject: Fw: spring events\n\nPlease pass this on.\n\n> Hi Sam,\n>\n> The partnership is holding"
        + " three events in May to hear\n> from residents. We want to reach people who\n> rarely take part.\n>\n"
        + "> > Earlier message\n")
    #expect(
      extracted.texts == [
        "Subject: Fw: spring events", "Please pass this on.", "Hi Sam,",
        "The partnership is holding three events in May to hear from residents. We want to reach people who rarely take part.",
        "Earlier message",
      ])
  }

  @Test func aWebPageSavedAsTextLosesItsSiteHeaderAndTakesItsHeadlineAsTitle() throws {
    let blog = try extract(
      "Skip to content\nTannerby Talk\nnotes from the east side\nHome\nAbout\nContact\n"
        + "« Older post\nWhy the Tannerby Partnership matters\nPosted on 3 May 2009 by Jo Reeve\n"
        + "The partnership met last week and agreed its plan for the year.\n")
    #expect(blog.title == "Why the Tannerby Partnership matters")
    #expect(
      blog.texts == [
        "Tannerby Talk", "Why the Tannerby Partnership matters", "Posted on 3 May 2009 by Jo Reeve",
        "The partnership met last week and agreed its plan for the year.",
      ])
    #expect(blog.blocks.map(\.kind).prefix(2) == [.heading, .title])
    let council = try extract(
      "Skip to main content\nMoorley Borough Council\nHome\nBusiness\nCommunity and living\n"
        + "You are here: Home > Partnerships > Moorley First\nPrint this page | Text only\n\n"
        + "Moorley First\n\nMoorley First is the borough's local strategic partnership.\n")
    #expect(council.title == "Moorley First")
    #expect(!council.texts.contains("Business"))
  }

  @Test func withoutAHeadlineNothingIsTakenForASiteHeader() throws {
    // A skip link, but neither a "Posted on" line nor a breadcrumb: every line is kept.
    let page = try extract(
      "Skip to content\nHome\nBusiness\n\nThe board met in March and agreed its plan.\n")
    #expect(page.title == nil)
    #expect(page.texts.contains("Business"))
  }

  @Test func aSingleLineOpeningWithAnAngleBracketKeepsIt() throws {
    #expect(
      try extract("Turnout\n\n> 40 per cent of members voted.").texts.last
        == "> 40 per cent of members voted.")
  }

  @Test func refusesWhiteSpaceOnlyText() {
    #expect(throws: ExtractionError.noText) { try extract("  \n\t\n") }
  }

  // Lines and units as real reports write them.

  @Test func aShortLineInsideASentenceDoesNotEndItsBlock() throws {
    let text = """
      Engagement review

      The board heard that across the borough the level of engagement with residents is
      inconsistent at best and weak at worst, and that the partnership has not yet agreed
      a plan. Officers were asked to report in May.
      """
    #expect(
      try extract(text).texts == [
        "Engagement review",
        "The board heard that across the borough the level of engagement with residents is inconsistent at best and weak at "
          + "worst, and that the partnership has not yet agreed a plan. Officers were asked to report in May.",
      ])
    // Not hard-wrapped: a line that ends in a word that cannot end a sentence still goes on.
    #expect(
      try extract("Notes\n\nthe level of engagement is\ninconsistent at best and weak at worst.")
        .texts.last
        == "the level of engagement is inconsistent at best and weak at worst.")
  }

  @Test func slideLikeTextIsOneUnitPerLine() throws {
    let text =
      "Slide 2\nWhat is working\nStrong leadership from the chair\nIf funding holds\nMore residents involved\n\nSlide 3\nChallenges\npartners drifting away\n– business engagement patchy"
    let extracted = try extract(text)
    #expect(
      extracted.texts == [
        "Slide 2", "What is working", "Strong leadership from the chair", "If funding holds",
        "More residents involved", "Slide 3",
        "Challenges", "partners drifting away", "business engagement patchy",
      ])
    #expect(extracted.title == nil)
  }

  @Test func numberedHeadingsAndParagraphsStartTheirOwnBlocks() throws {
    let text = """
      Review of the partnership, October 2006, prepared for the board by the policy unit of the council
      3. Local Area Agreement
      3.1 The board agreed the targets. They are ambitious.
      3.2 Governance
      (a) The executive meets monthly.
      """
    #expect(
      try extract(text).texts == [
        "Review of the partnership, October 2006, prepared for the board by the policy unit of the council",
        "3. Local Area Agreement", "3.1 The board agreed the targets. They are ambitious.",
        "3.2 Governance",
        "(a) The executive meets monthly.",
      ])
  }

  @Test func aFirstLineIsTheTitleOnlyWhenItReadsAsOne() throws {
    #expect(
      try extract("Hartley LSP: annual review 2006\n\nThe board met.").title
        == "Hartley LSP: annual review 2006")
    #expect(try extract("[Skip to content]\nHome\nHartley LSP news\n\nThe board met.").title == nil)
    #expect(try extract("Home\n\nThe board met.").title == nil)
    #expect(
      try extract("The board met in May and agreed its plan.\n\nIt will meet again.").title == nil)
    #expect(
      try extract("The board met in May and agreed its plan.\n\nIt will meet again.").blocks.first?
        .kind == .paragraph)
  }

  @Test func aPublicationDateIsNotTakenFromACitation() throws {
    let text =
      "Partnerships after the white paper\n\nAs Holt noted (22 April 2005), LSPs vary.\n\nPublished 3 March 2008."
    #expect(try extract(text).metadata.published == "2008-03-03")
  }

  @Test func pageFurnitureIsDroppedAndASentenceBrokenByAPageBreakJoined() throws {
    var text = "Hartley Partnership Review\n\n"
    let subjects = ["housing", "transport", "health"]
    for page in 1...3 {
      for line in 1...12 {
        text +=
          "Paragraph \(page).\(line) says the partnership works well with its partners across the town.\n\n"
      }
      text +=
        "The \(subjects[page - 1]) group has not yet\n\nHartley Partnership Review 2006          \(page)\n\u{0C}\n"
      text += "agreed its priorities for 200\(page).\n\n"
    }
    let extracted = try extract(text)
    #expect(extracted.texts.filter { $0.contains("Hartley Partnership Review 2006") }.isEmpty)
    for page in 1...3 {
      #expect(
        extracted.texts.contains(
          "The \(subjects[page - 1]) group has not yet agreed its priorities for 200\(page)."))
    }
  }

  @Test func hansardColumnMarkersAreFurnitureAndASentenceBrokenByOneIsJoined() throws {
    var text = "Written Answers to Questions\n\n"
    let subjects = ["housing", "transport", "health"]
    for column in 0..<3 {
      let marker = ["10 Nov 2008 : Column 741W", "742W", "10 Nov 2008 : Column 743W—continued"]
      text += marker[column] + "\n\n"
      if column > 0 { text += "been published on day \(column).\n\n" }
      for question in 1...5 {
        text += "Mr. Hale: To ask the Secretary of State question \(column).\(question).\n\n"
      }
      text += "The Minister said the \(subjects[column]) review of the Barton partnership had\n\n"
    }
    text +=
      "10 Nov 2008 : Column 744W\n\nbeen published on day 3.\n\nA figure in col 3 of the table stays.\n"
    let extracted = try extract(text)
    #expect(!extracted.texts.contains { $0.contains("Column") || $0 == "742W" })
    for day in 1...3 {
      #expect(
        extracted.texts.contains(
          "The Minister said the \(subjects[day - 1]) review of the Barton partnership had been published on day \(day)."
        ))
    }
    #expect(extracted.texts.contains("A figure in col 3 of the table stays."))
    #expect(extracted.blocks.filter { $0.kind == .heading }.isEmpty)
    // A word that ends in "col" is no column marker.
    #expect(PageFurniture.columnNumber("Protocol 12") == nil)
    #expect(PageFurniture.columnNumber("10 Nov 2008 : Column 742W") == 742)
    #expect(PageFurniture.columnNumber("Column WA12") == 12)
    // Plain text's dash of two hyphens.
    #expect(PageFurniture.columnNumber("2 Nov 2006 : Column 612W--continued") == 612)
    // A dated marker is furniture even alone; a table's column is not.
    let alone = try extract(
      "Answers\n\nThe Ashbourne Partnership met in May.\n\n2 Nov 2006 : Column 612W--continued\n\nTrust between partners has grown.\n"
    )
    #expect(!alone.texts.contains { $0.contains("Column") })
    #expect(!alone.blocks.contains { $0.kind == .heading })
    #expect(!PageFurniture.isDatedColumnMarker("2 Nov 2006 : Column 612"))
    #expect(PageFurniture.isDatedColumnMarker("17 May 2004 : Column WA12"))
  }

  @Test func anEmailThreadsHeadersAndSignaturesAreLinesNotHeadings() throws {
    let text = """
      From:    Pryor, Anne (Partnership Officer)
      Sent:    3 June 2009 10:12
      To:      Dale, Tom
      Subject: RE: Board paper on the grant

      Tom,

      The paper is attached. The board meets on Thursday.

      1. Money

      The grant is smaller this year.

      Anne

      Anne Pryor
      Partnership Officer, Tarnwick and District Partnership
      Tel: 01632 960 112

      This e-mail is confidential. If you have received it in error, please delete it.

      -----Original Message-----
      From:    Dale, Tom
      Sent:    2 June 2009 17:40
      To:      Pryor, Anne
      Subject: Board paper on the grant

      Hi Anne

      Can you send me the paper before Thursday?

      Tom
      """
    let extracted = try extract(text)
    let kinds = Dictionary(
      extracted.blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { first, _ in first })
    // The subject is the title; no header field, separator, salutation or signature line is a
    // heading (none starts a section).
    #expect(extracted.title == "RE: Board paper on the grant")
    for line in [
      "From: Pryor, Anne (Partnership Officer)", "Sent: 3 June 2009 10:12",
      "Subject: RE: Board paper on the grant", "Anne", "Anne Pryor",
      "Partnership Officer, Tarnwick and District Partnership", "Tel: 01632 960 112",
      "-----Original Message-----", "From: Dale, Tom", "Subject: Board paper on the grant",
      "Hi Anne", "Tom",
    ] {
      #expect(kinds[line] == .line, "\(line)")
    }
    // A numbered heading inside a message stays one.
    #expect(kinds["1. Money"] == .heading)
    #expect(!extracted.blocks.contains { $0.kind == .title })
    // A memo's header is read as lines too, but the headings that end it are its own.
    let memo = try extract(
      """
      To:      Cabinet members
      From:    Policy Unit
      Date:    3 March 2009
      Subject: The partnership's review

      The review is attached.

      Next Steps
      """)
    #expect(memo.blocks.first?.kind == .line)
    #expect(memo.blocks.last?.kind == .heading)
    #expect(memo.title == "The partnership's review")
    // A heading right after a header is no salutation; a memo's "Re:" is its subject.
    let headed = try extract(
      """
      From:    Policy Unit
      Date:    3 March 2009
      To:      Board members
      Re:      Board papers

      Background

      The review is attached.
      """)
    #expect(headed.title == "Board papers")
    #expect(headed.blocks.first { $0.text == "Background" }?.kind == .heading)
    #expect(PlainTextExtractor.readsAsGreeting("Daniel, Ruth"))
    #expect(PlainTextExtractor.readsAsGreeting("Hi Helen"))
    #expect(!PlainTextExtractor.readsAsGreeting("IN THIS ISSUE"))
    // A field set in a sentence is no header.
    #expect(PlainTextExtractor.mailField("To conclude: the board agreed.") == nil)
    #expect(PlainTextExtractor.mailField("Cc: Brierley, Sian") == "cc")
  }

  @Test func aLineThatLeadsIntoATableIsASentenceAndAUnitLineAboveTheTableIsACell() throws {
    let text = """
      Allocations

      Neighbourhood Renewal Fund allocations to Barton have been as follows:

                      £ million
      2001-02            2.61
      2002-03            3.92
      2003-04            5.23

      Key Issues:

      Attendance has fallen.
      """
    let extracted = try extract(text)
    let kinds = Dictionary(
      extracted.blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { first, _ in first })
    #expect(
      kinds["Neighbourhood Renewal Fund allocations to Barton have been as follows:"] == .paragraph)
    #expect(kinds["£ million"] == .tableCell)
    #expect(kinds["Key Issues:"] == .heading)
  }

  /// A word processor's two-column table saved with tabs: each cell is a unit (a person's name
  /// is not read into the body's name after it). A paragraph's numbering and a label set off
  /// by a tab are not cells.
  @Test func twoCellsSetApartByATabAreARow() throws {
    let text =
      "PRESENT\n\nDr Anil Mehta\tWenlow Primary Care Trust\nLeanne Marsh\tCommunity Empowerment Network\n\n"
      + "4.12\tThe board agreed the plan.\n\nDate:\t3 May 2007\n"
    let extracted = try extract(text)
    let cells = extracted.blocks.filter { $0.kind == .tableCell }.map(\.text)
    #expect(
      cells == [
        "Dr Anil Mehta", "Wenlow Primary Care Trust", "Leanne Marsh",
        "Community Empowerment Network",
      ])
    #expect(extracted.texts.contains { $0.hasSuffix("The board agreed the plan.") })
  }

  @Test func aBulletedItemWrappedUnderItsOwnTextGoesOnWhateverItsCase() throws {
    let text = """
      Why compare us?
      • We share a police division, a college and Quill
        Valley Primary Care Trust
      • The PCT covers both of us
      Valley Primary Care Trust
      """
    let extracted = try extract(text)
    #expect(
      extracted.texts.contains(
        "We share a police division, a college and Quill Valley Primary Care Trust"))
    // A line at the margin after an item is not part of it.
    #expect(extracted.texts.contains("The PCT covers both of us"))
    #expect(extracted.texts.last == "Valley Primary Care Trust")
  }

  @Test func aMailsOneNameSalutationIsALineAndAHeadingInCapitalsStays() throws {
    let text = """
      From:    Hallam, Ruth
      Sent:    14 May 2009 16:52
      To:      Okafor, Daniel
      Subject: Reward grant

      Daniel

      The paper is attached.

      IN THIS ISSUE

      Grants, seats and dates.
      """
    let extracted = try extract(text)
    #expect(extracted.blocks.first { $0.text == "Daniel" }?.kind == .line)
    #expect(extracted.blocks.first { $0.text == "IN THIS ISSUE" }?.kind == .heading)
    #expect(PlainTextExtractor.readsAsFirstNames("Ruth Hallam"))
    #expect(!PlainTextExtractor.readsAsFirstNames("IN THIS ISSUE"))
  }

  @Test func aHeaderRowInColumnsAboveARuleOverATableIsReadCellByCell() throws {
    let text = """
      Table 4.1  Summary comparison

                               Thrimble Together        Sowerhythe LSP
       ----------------------------------------------------------------------
       History of joint         Long (City Challenge)    Short; little before
       working                                           2001
       Political control        Stable, one party        No overall control
      """
    let extracted = try extract(text)
    let cells = extracted.blocks.filter { $0.kind == .tableCell }.map(\.text)
    #expect(Array(cells.prefix(2)) == ["Thrimble Together", "Sowerhythe LSP"])
    #expect(!extracted.texts.contains("Thrimble Together Sowerhythe LSP"))
    #expect(PlainTextExtractor.columnCells("   £ million") == ["£ million"])
  }

  @Test func aBoxDrawnWithBarsAndRulesIsReadByItsBarsNotItsColumns() throws {
    let text = """
      Summary ratings

      +--------------------------------------------+--------+--------+
      | Area                                       |  2006  |  2007  |
      +--------------------------------------------+--------+--------+
      | Leadership and vision                      |   G    |   G    |
      | LAA performance - Children and Young People|   G    |   A    |
      +--------------------------------------------+--------+--------+
      """
    let extracted = try extract(text)
    #expect(
      extracted.blocks.filter { $0.kind == .tableCell }.map(\.text) == [
        "Area", "2006", "2007", "Leadership and vision", "G", "G",
        "LAA performance - Children and Young People", "G", "A",
      ])
  }

  @Test func aLettersSubjectLineAfterTheSalutationIsItsTitle() throws {
    let text = """
      NORTHERN FELLS IMPROVEMENT PARTNERSHIP
      Unit 2, Mill Yard, Kettleby

      Dear Councillor Boyd

      Wessington Local Strategic Partnership: review of governance

      Thank you for inviting us.
      """
    let extracted = try extract(text)
    #expect(extracted.title == "Wessington Local Strategic Partnership: review of governance")
    #expect(extracted.blocks[0].kind == .heading)
    // Without a subject line (the letter starts at once), the first line stays the title.
    let plain = try extract(
      "NORTHERN FELLS IMPROVEMENT PARTNERSHIP\n\nDear Councillor Boyd\n\nThank you for inviting us."
    )
    #expect(plain.title == "NORTHERN FELLS IMPROVEMENT PARTNERSHIP")
  }

  @Test func aWordBrokenWhereNeitherPartIsAWordReadsWhole() throws {
    // Neither "prac" nor "tical" is a word the text writes: one word. "non-" is a prefix, and
    // "based" a participle: compounds.
    let text =
      "Review\n\nThe board will find prac-\ntical ways to reach non-\nstatutory bodies on an area-\nbased plan."
    #expect(
      try extract(text).texts.last
        == "The board will find practical ways to reach non-statutory bodies on an area-based plan."
    )
    // A part in capitals or with a capital is a name's, and keeps the hyphen; so does a range
    // of years.
    #expect(
      try extract("Review\n\nAn LSP-\nwide review of 2005-\n06 spending began.").texts.last
        == "An LSP-wide review of 2005-06 spending began.")
  }

  @Test func aWordBrokenAcrossALineEndReadsWholeAndACompoundKeepsItsHyphen() throws {
    let text =
      "Review\n\nThe partnership met. The partner-\nship agreed a co-\noperation plan and a decision-\nmaking process for the Com-\nmunity Network in its community."
    #expect(
      try extract(text).texts.last
        == "The partnership met. The partnership agreed a co-operation plan and a decision-making process for the Community Network in its community."
    )
  }

  @Test func aTableRowWrittenAsTextIsOneUnitPerCellAndARuleIsABreak() throws {
    let text = """
      Actions

      Item | Action | Lead | By
      2.2 | Write to the largest employers inviting nomination to the Board | LF | 31 March
      --------------------------------------------------------------------------
        Domestic burglaries (number)    1,412       1,198       On track
      ==========
      Source: Performance Team, May 2006
      """
    #expect(
      try extract(text).texts == [
        "Actions", "Item", "Action", "Lead", "By", "2.2",
        "Write to the largest employers inviting nomination to the Board", "LF",
        "31 March", "Domestic burglaries (number)", "1,412", "1,198", "On track",
        "Source: Performance Team, May 2006",
      ])
  }

  @Test func slideLinesAreNotJoinedHoweverLongTheyAre() throws {
    // Lines near the width but starting with capitals: points, not a hard-wrapped paragraph.
    let text = """
      What has not worked
      Business involvement weak and the Chamber of Commerce seat vacant since June
      Resident engagement thin outside the regeneration areas of the borough
      Board meetings heavy on information and light on decisions this year
      Worklessness stretch target missed and part of the reward grant lost
      """
    #expect(try extract(text).blocks.count == 5)
  }

  @Test func listsOfItemsAndPeopleAsReportsNumberAndLayThemOut() throws {
    let text = """
      Review of the partnership's governance and delivery, prepared by the scrutiny task group for the committee
      #
      In 2007/08 the partnership will:
      1. refresh the community strategy;
      2. agree a recovery plan with Jobcentre Plus, the Learning and Skills Council and
         employers;
      4.1.1 agree a protocol on decisions;
      R1      reduce the board to no more than 15 members;
      (b) the scrutiny committee review the partnership once a year;
      Witnesses
      Mr Alan Brightwell, Chief Executive, Tamberley Borough Council
      Councillor Roger Hartigan, Leader of the Council and Chair of the partnership
      Five further witnesses from community groups
      Cllr Margaret Ashworth (Chair)   Leader, Hollinsford Borough Council
      Dr Helen Brackley                Director of Public Health, Hollinsford PCT
      """
    #expect(
      try extract(text).texts == [
        "Review of the partnership's governance and delivery, prepared by the scrutiny task group for the committee",
        "In 2007/08 the partnership will:", "1. refresh the community strategy;",
        "2. agree a recovery plan with Jobcentre Plus, the Learning and Skills Council and employers;",
        "4.1.1 agree a protocol on decisions;", "R1 reduce the board to no more than 15 members;",
        "(b) the scrutiny committee review the partnership once a year;", "Witnesses",
        "Mr Alan Brightwell, Chief Executive, Tamberley Borough Council",
        "Councillor Roger Hartigan, Leader of the Council and Chair of the partnership",
        "Five further witnesses from community groups",
        "Cllr Margaret Ashworth (Chair) Leader, Hollinsford Borough Council",
        "Dr Helen Brackley Director of Public Health, Hollinsford PCT",
      ])
  }

  @Test func aBoxDrawnWithBarsAndABulletGluedToItsTextAreRead() throws {
    let text = """
      Summary

      +--------------------------------------+
      | Strengths                            |
      |  * a clear community strategy        |
      +--------------------------------------+
      •the borough council
      »the fire and rescue service
      """
    #expect(
      try extract(text).texts == [
        "Summary", "Strengths", "a clear community strategy", "the borough council",
        "the fire and rescue service",
      ])
  }

  @Test func aTableInColumnsIsReadCellByCellWithWrappedCellsWhole() throws {
    // Columns set one or two characters out of line, a cell wrapped in lower case, a cell left
    // open on a comma, a word hyphenated at a cell's edge, and a page break inside the table.
    var text = "Risks\n\n"
    for page in 1...2 {
      text +=
        String(
          repeating: "The partnership met and agreed its plan for the year ahead in full.\n\n",
          count: 12) + "Plan 2009          \(page)\n\nOne Tillby - Delivery Plan\n\n"
    }
    text += """
      Ref  Risk                      Likeli-  Impact  Mitigation
                                     hood
      R1   Partners withdraw as      High     High    Chair to meet
           budgets tighten                             each partner
      R2   Safer neighbourhoods      Medium    High   Insp. Gareth Lomas,
           slip                                        Tillby Police

      Plan 2009          3

      One Tillby - Delivery Plan

      R3   Loss of reward grant      High     Medium  Reprioritise
                                                       projects

      """
    text += """
      Priority          Lead partner            Lead officer
      Back to work      Jobcentre Plus          Sandra Okafor
      Safer             Tillby Community        Insp. Gareth Lomas,
      neighbourhoods    Safety Partnership      Tillby Police
      """
    let texts = try extract(text).texts
    let table = Array(texts.drop { $0 != "Ref" })
    #expect(
      table == [
        "Ref", "Risk", "Likelihood", "Impact", "Mitigation", "R1",
        "Partners withdraw as budgets tighten", "High", "High",
        "Chair to meet each partner", "R2", "Safer neighbourhoods slip", "Medium", "High",
        "Insp. Gareth Lomas, Tillby Police",
        "R3", "Loss of reward grant", "High", "Medium", "Reprioritise projects", "Priority",
        "Lead partner", "Lead officer",
        "Back to work", "Jobcentre Plus", "Sandra Okafor", "Safer neighbourhoods",
        "Tillby Community Safety Partnership",
        "Insp. Gareth Lomas, Tillby Police",
      ])
  }

  @Test func aWrappedCellRunUpToTheNextColumnGoesOnTheRowAboveAndIsCutAtTheColumn() throws {
    // The second line of a row's first cell runs up to the next column with one space, so the
    // line has no gap: it still goes on the row above, and "(2003)" still goes under "Baseline".
    let text = """
      Table 2: Indicators

      Indicator                 Baseline    Target
      Adults in work, priority  61.0%       65.0%
      wards of the town centre  (2002)
      Recorded burglaries per   24.1        18.0
      thousand homes            (2001/02)
      Young people not in       12.4%       9.0%
      education, training or an (2003)
      Residents who feel they   38%         45%
      can influence decisions in their area
      """
    let texts = try extract(text).texts
    #expect(
      Array(texts.drop { $0 != "Indicator" }) == [
        "Indicator", "Baseline", "Target", "Adults in work, priority wards of the town centre",
        "61.0% (2002)", "65.0%", "Recorded burglaries per thousand homes", "24.1 (2001/02)",
        "18.0", "Young people not in education, training or an", "12.4% (2003)", "9.0%",
        // Words run past a column start stay whole.
        "Residents who feel they can influence decisions in their area", "38%", "45%",
      ])
  }

  @Test func numberingSetApartUnderASpanningHeadingJoinsItsItemAndContentsAreNoTable() throws {
    let text = """
      Contents
      1  Introduction                              1
      2  Context                                   2
      3  Leadership and governance                 4

      Framework area                        2003/04   2004/05
      A  Strategic leadership and vision    Amber     Green
      B  Membership and representation      Amber     Amber
      """
    let texts = try extract(text).texts
    #expect(texts.contains("3 Leadership and governance 4"))
    #expect(
      Array(texts.drop { $0 != "Framework area" }) == [
        "Framework area", "2003/04", "2004/05", "A Strategic leadership and vision", "Amber",
        "Green",
        "B Membership and representation", "Amber", "Amber",
      ])
  }

  @Test func aListOfNamesAndRolesIsOneUnitPerLine() throws {
    let text = """
      Minutes of the executive group held on 9 October 2008 at the town hall in the council chamber annexe

      Present:
      Andrew Pickersgill, Chief Executive, Sollerby Borough Council (Chair)
      Lorraine Achebe, Director of Public Health, Sollerby Teaching PCT
      Jenny Coldwell, Sollerby Forward Programme Manager
      """
    #expect(
      Array(try extract(text).texts.dropFirst(2)) == [
        "Andrew Pickersgill, Chief Executive, Sollerby Borough Council (Chair)",
        "Lorraine Achebe, Director of Public Health, Sollerby Teaching PCT",
        "Jenny Coldwell, Sollerby Forward Programme Manager",
      ])
  }

  @Test func aSlideLineMayEndOnFromOrNotOrAMonth() throws {
    let text = """
      Today
      Where LAAs came from
      What worked and what did not
      Network response to the LAA refresh by end of May
      Report back at the June meeting of the
      Network members
      """
    #expect(
      try extract(text).texts == [
        "Today", "Where LAAs came from", "What worked and what did not",
        "Network response to the LAA refresh by end of May",
        "Report back at the June meeting of the Network members",
      ])
  }

  @Test func pageNumbersAreFoundPastFiguresOfATableAndANumberedParagraphIsNoPageNumber() throws {
    var text =
      "Annual Report\n\n2   Its ambitions are set out in a community strategy adopted in 2003, but the\nstrategy has not been refreshed.\n\n"
    let teams = ["support", "policy", "data"]
    for page in 1...3 {
      text += String(
        repeating: "The partnership met and agreed its plan for the year ahead in full.\n\n",
        count: 6)
      text += "Board meetings held                 4\nNRF projects funded                 37\n\n"
      text += String(
        repeating: "The board met again and agreed the plan for next year.\n\n", count: 6)
      text +=
        "The \(teams[page - 1]) team is small, three full-time\n\nAnnual Report 2006/07           \(page)\n\nHexby Local Strategic Partnership\n\nposts, and partners will review it.\n\n"
    }
    let texts = try extract(text).texts
    #expect(
      texts.contains(
        "2 Its ambitions are set out in a community strategy adopted in 2003, but the strategy has not been refreshed."
      ))
    for team in teams {
      #expect(
        texts.contains(
          "The \(team) team is small, three full-time posts, and partners will review it."))
    }
    #expect(texts.filter { $0 == "Board meetings held 4" }.count == 3)
    #expect(!texts.contains { $0.contains("Hexby Local Strategic Partnership") })
  }

  @Test func aRunningHeaderWithItsPageNumberTwoSpacesAwayIsFurniturePastAContentsList() throws {
    // A contents list gives the same page numbers first; a lone "2  Context" two spaces from its
    // number is a numbered heading, not a page's header.
    var text =
      "Inspection report\n\nContents\n\nSummary      2\nContext      3\nProspects      4\n\n2  Context\n\n"
    let subjects = ["crime", "health", "housing"]
    for page in 2...4 {
      text += String(
        repeating: "The partnership met and agreed its plan for the year ahead in full.\n\n",
        count: 8)
      text +=
        "Most of its \(subjects[page - 2]) targets were\n\nAudit Office  www.example.gov.uk\n\n\(page)  Tillby & District Strategic Partnership | Governance and delivery\n\nmissed in that year.\n\n"
    }
    let texts = try extract(text).texts
    for subject in subjects {
      #expect(texts.contains("Most of its \(subject) targets were missed in that year."))
    }
    #expect(!texts.contains { $0.contains("Governance and delivery") })
    #expect(texts.contains("2 Context"))
  }

  @Test func aContentsListDoesNotRunOnPastAPageBreakIntoTheNumberedParagraphs() throws {
    let text = """
      Inspection report

      Tillby Local Strategic Partnership

      October 2005

      Reference: 2005/LSP/0417


      Audit Office                                    Page 1
      \u{0C}Inspection report | Tillby Partnership

      Contents

      Summary                                         3
      Recommendations                                 4
      Context                                         4
      How good is the partnership?                    5


      Audit Office                                    Page 2
      \u{0C}Inspection report | Tillby Partnership

      1.1     Tillby Local Strategic Partnership was set up in 2001 and
              has 30 members drawn from every sector.

      1.2     The board meets four times a year.

      1.3     Its executive group meets monthly.

      1.4     Partners attend well.


      Audit Office                                    Page 3
      """
    let extracted = try extract(text)
    let paragraph = try #require(extracted.blocks.first { $0.text.hasPrefix("1.1") })
    #expect(
      paragraph.text
        == "1.1 Tillby Local Strategic Partnership was set up in 2001 and has 30 members drawn from every sector."
    )
    #expect(paragraph.kind == .paragraph)
  }

  @Test func aNumberedHeadingTwoSpacesFromItsNumberIsNoPageNumberWhereverItRecurs() throws {
    var text = "Plan\n\n1  Summary\n2  Context\n\n"
    for page in 2...3 {
      text += String(repeating: "The board met and agreed its plan.\n\n", count: 6)
      text += "\(page)  Tillby Partnership | Delivery plan\n\n"
    }
    text += "1  Summary\n\nThe board met.\n"
    let lines = PlainTextExtractor.lines(of: text)
    let furniture = PageFurniture.lines(in: lines)
    let dropped = furniture.sorted().map { String(lines[$0].text) }
    #expect(
      dropped == [
        "2  Tillby Partnership | Delivery plan", "3  Tillby Partnership | Delivery plan",
      ])
  }

  @Test func headingsRunIntoTheirParagraphsOnACopiedWebPageAreHeadings() throws {
    let page = """
      Tillby Together

      About the partnership Tillby Together was set up in 2002 to bring the council and its partners together.

      Who sits on the board The board has 20 seats, four of them for businesses.

      How decisions are made The board meets four times a year and agrees the action plan.

      In the autumn Tillby Council agreed to host the support team for three more years.

      """
    let texts = try extract(page).blocks.map { "\($0.kind): \($0.text)" }
    #expect(
      Array(texts.dropFirst()) == [
        // A heading before a name is not told from a sentence's subject and verb ("Councillors
        // agreed Tillby Council should ..."), so it stays.
        "paragraph: About the partnership Tillby Together was set up in 2002 to bring the council and its partners together.",
        "heading: Who sits on the board",
        "paragraph: The board has 20 seats, four of them for businesses.",
        "heading: How decisions are made",
        "paragraph: The board meets four times a year and agrees the action plan.",
        "paragraph: In the autumn Tillby Council agreed to host the support team for three more years.",
      ])
  }

  @Test func aHeadingGluedToItsTextIsCutAndOneSentenceNamingAWorkIsNot() throws {
    let glued = try extract(
      "Partnerships\n\nWhat the partnership doesThe partnership's main job is to keep the community strategy under review.\n"
    ).texts
    #expect(
      glued.suffix(2) == [
        "What the partnership does",
        "The partnership's main job is to keep the community strategy under review.",
      ])
    let report = try extract(
      "Review\n\nMaking It Work was published in May and set out the partnership's aims.\n"
    ).texts
    #expect(
      report.last == "Making It Work was published in May and set out the partnership's aims.")
    // A determiner before a capitalised word opens a title's name, however many such
    // paragraphs a document has.
    let titles = try extract(
      "Review\n\nThe Green Paper Every Child Matters set out five outcomes for children.\n\nThe national strategy A New Commitment to Neighbourhood Renewal followed in 2001.\n"
    ).texts
    #expect(titles.count == 3)
  }

  @Test func aLabelTwoSpacesFromItsNumberIsNoPageNumberAndAFooterBeatsAFigureOnATie() throws {
    // "Priority  1", "Priority  2" count up with a page's spacing, but a running header has
    // more words than a label.
    var priorities = "Strategy\n\n"
    for number in 1...3 {
      priorities += "Priority  \(number)\n\n"
      priorities += String(
        repeating: "The board agreed the actions below for the year.\n\n", count: 7)
    }
    let lines = PlainTextExtractor.lines(of: priorities)
    #expect(PageFurniture.lines(in: lines).isEmpty)

    // Page 2's footer "2" and, on page 3, a table's figure "2" right under its label: the
    // footer is the page number.
    var pages = "Annual report\n\n"
    for page in 1...3 {
      pages += String(
        repeating: "Page \(page) says the partnership met and agreed its plan.\n", count: 12)
      if page == 3 { pages += "\nBoard meetings held in the year\n\n2\n" }
      pages += "\n\(page)\n\u{0C}"
    }
    let extracted = try extract(pages).texts
    #expect(extracted.contains("2"))
    #expect(!extracted.contains("3"))
  }

  @Test func aLabelsValueWrappedUnderItselfGoesOn() throws {
    let text = """
      Interviewer:      IW
      Respondents:      R1 - Chair, Sallowfield Alliance (the Sallowfield Local
                        Strategic Partnership), since 2004
                        R2 - Chief Officer, Sallowfield CVS
      Date:             21 June 2006
      """
    let texts = try extract(text).texts
    #expect(
      texts.contains(
        "Respondents: R1 - Chair, Sallowfield Alliance (the Sallowfield Local Strategic Partnership), since 2004"
      ))
    #expect(texts.contains("R2 - Chief Officer, Sallowfield CVS"))
  }

  @Test func aShortLineWithASentenceEndedInsideIsNoHeading() throws {
    // A transcript's short turn is speech: no section starts at it. A title may ask.
    let text = """
      R1: Well, it has been rewritten twice since 2004.

      R2: Substantially revised, then. [laughs]

      R1: But the point about political instability is a real one.

      Still waiting at the door? Our seats on the LSP

      The forum met in May and agreed its plan.
      """
    let kinds = Dictionary(
      try extract(text).blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { first, _ in first })
    #expect(kinds["R2: Substantially revised, then. [laughs]"] != .heading)
    #expect(kinds["Still waiting at the door? Our seats on the LSP"] == .heading)
    // A heading with a stop but no speaker stays one; a turn that asks and answers is speech.
    let more = try extract(
      "Review\n\nChapter One. Neighbouring areas\n\nThe board met in May and agreed its plan.\n\nR1: Did it work? No, trust was low\n\nThe board met again in June."
    )
    let moreKinds = Dictionary(
      more.blocks.map { ($0.text, $0.kind) }, uniquingKeysWith: { first, _ in first })
    #expect(moreKinds["Chapter One. Neighbouring areas"] == .heading)
    #expect(moreKinds["R1: Did it work? No, trust was low"] != .heading)
  }
}
