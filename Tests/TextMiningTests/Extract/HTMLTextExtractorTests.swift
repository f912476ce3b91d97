import Testing

@testable import TextMining

@Suite struct HTMLTextExtractorTests {
  private func extract(_ html: String, keepsFurniture: Bool = false) throws -> ExtractedText {
    try HTMLTextExtractor(keepsFurniture: keepsFurniture).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
  }

  private func fixture(_ name: String) throws -> ExtractedText {
    let decoded = try CharsetDecoder().decode(try Fixtures.bytes(name), format: .html)
    return try HTMLTextExtractor().extractText(from: decoded)
  }

  /// A title the first heading repeats word for word is one unit (its evidence would count
  /// twice); a title that differs from the heading stays a unit of its own.
  @Test func aTitleTheHeadingRepeatsIsOneUnit() throws {
    let body = "<p>Trust between the partners is high and the board meets every two months.</p>"
    let same = try extract(
      "<html><head><title>About Marle Together</title></head><body><h1>About  Marle Together</h1>\(body)</body></html>"
    )
    #expect(same.texts.filter { $0.contains("About") }.count == 1)
    #expect(same.blocks.first?.kind == .heading)
    #expect(same.title == "About Marle Together")
    let differs = try extract(
      "<html><head><title>About us | Marle Council</title></head><body><h1>About Marle Together</h1>\(body)</body></html>"
    )
    #expect(differs.blocks.map(\.kind).prefix(2) == [.title, .heading])
  }

  @Test func characterReferencesOfWindows1252ReadAsBrowsersReadThem() throws {
    // "&#146;" and "&#151;" (U+0092, U+0097 to the parser) are an apostrophe and a dash; a
    // position Windows-1252 leaves empty is nothing.
    let extracted = try extract(
      "<html><body><p>The council&#146;s leadership was strong&#151;trust too. Cost &#128;5 &#129;now.</p></body></html>"
    )
    #expect(
      extracted.texts.contains(
        "The council\u{2019}s leadership was strong\u{2014}trust too. Cost \u{20AC}5 now."),
      "\(extracted.texts)")
  }

  @Test func keepsTheArticleAndDropsFurnitureScriptsAndStyles() throws {
    let extracted = try fixture("html/nav-and-script-noise.html")
    #expect(
      extracted.texts == [
        "Partnership news & views",
        "Trust grows in Kelbrook",
        "The Kelbrook board reported strong leadership this year.",
        "Dr. Amara Osei said there is mutual trust between partners.",
        "Community strategy refreshed", "New scrutiny panel",
        "Theme", "Lead", "Safety", "Kelbrook Police",
        "Civic Centre", "High Street", "Kelbrook",
      ])
    #expect(!extracted.text.contains("Furniture"))
    #expect(extracted.title == "Partnership news & views")
  }

  @Test func labelsBlocksByKindAndSourceLine() throws {
    let extracted = try fixture("html/nav-and-script-noise.html")
    let kinds = extracted.blocks.map(\.kind)
    #expect(kinds.first == .title)
    #expect(kinds[1] == .heading)
    #expect(kinds[2] == .paragraph)
    #expect(kinds[4] == .listItem)
    #expect(kinds[6] == .tableCell)
    #expect(kinds.suffix(3) == [.line, .line, .line])
    #expect(extracted.blocks[0].line == 8)
    #expect(extracted.blocks[1].line == 19)
    #expect(extracted.blocks[2].line == 20)
  }

  @Test func keepsFurnitureWhenAsked() throws {
    let html = "<nav>Menu: LSP</nav><main><p>Body text.</p></main><footer>Footer text</footer>"
    #expect(
      try extract(html, keepsFurniture: true).texts == ["Menu: LSP", "Body text.", "Footer text"])
    #expect(try extract(html).texts == ["Body text."])
  }

  @Test func readsTableLayoutsWithUnclosedTagsAndEntities() throws {
    let extracted = try fixture("html/table-layout.htm")
    #expect(
      extracted.texts == [
        "Harbury LSP - Board", "Board summary",
        "The board agreed new terms of reference & a Local Area Agreement.",
        "Partners noted a lack of trust between agencies.", "Item one", "Item two",
      ])
  }

  @Test func dropsHiddenElementsAndAriaNavigation() throws {
    let html = """
      <body><div role="navigation">Nav LSP</div><p hidden>Hidden</p><p style="display: none">Gone</p>
      <p aria-hidden="true">Also gone</p><p>Visible</p></body>
      """
    #expect(try extract(html).texts == ["Visible"])
  }

  @Test func collapsesWhiteSpaceAndNoBreakSpaces() throws {
    #expect(try extract("<p>  a \n\t b&nbsp;&nbsp;c  </p>").texts == ["a b c"])
  }

  @Test func fallsBackToTheWholePageWhenFurnitureRulesLeaveNothing() throws {
    let html = "<title>T</title><div class=\"menu-wrapper\"><p>All the content sits here.</p></div>"
    #expect(try extract(html).texts == ["T", "All the content sits here."])
  }

  @Test func refusesPagesWithoutText() {
    #expect(throws: ExtractionError.noText) {
      try extract("<html><body><script>x()</script></body></html>")
    }
  }

  @Test func keepsNonBMPCharactersAndCombiningMarks() throws {
    #expect(try extract("<p>Cafe\u{301} 🤝 partnership</p>").texts == ["Cafe\u{301} 🤝 partnership"])
  }

  @Test func aFurnitureClassDoesNotDropTheWrapperOfTheRunningText() throws {
    let paragraph =
      "<p>The partnership board met in June, agreed its priorities, and asked partners to report back.</p>"
    let html = """
      <body><div class="content-sidebar-wrap"><main>\(String(repeating: paragraph, count: 4))</main>
      <div class="sidebar"><p>Related: LSP annual review and other links to older stories here.</p></div></div></body>
      """
    let texts = try extract(html).texts
    #expect(texts.count == 4)
    #expect(!texts.contains { $0.hasPrefix("Related") })
  }

  @Test func mainContentScoringKeepsTheArticleAndDropsTeasers() throws {
    let article = String(
      repeating:
        "<p>Partners agreed, after a long debate, that the strategy needs clearer targets, more money and better data.</p>",
      count: 5)
    let teasers = String(
      repeating:
        "<li><a href=\"/x\">Another story about the local partnership and its board</a></li>",
      count: 12)
    let html =
      "<title>T</title><body><div id=\"page\"><div class=\"story\">\(article)</div><ul>\(teasers)</ul></div></body>"
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(extracted.blocks.first?.kind == .title)
    #expect(extracted.texts.dropFirst().count == 5)
    #expect(!extracted.text.contains("Another story"))
  }

  /// A heading of links ("More from the partnership") ends the article; a heading that opens
  /// with "More" and goes on with the article's subject ("More questions about Local Area
  /// Agreements") does not.
  @Test func aHeadingOfMoreLinksEndsTheArticleAndOneOfMoreQuestionsDoesNot() throws {
    let answer =
      "<p>Each agreement sets targets that the council and its partners work towards together.</p>"
    func kept(_ heading: String) throws -> String {
      let html =
        "<title>T</title><body><div class=\"story\"><h1>Questions</h1>"
        + String(repeating: answer, count: 2) + "<h2>\(heading)</h2>"
        + "<p>The final question asks how each target is chosen and who agrees it.</p></div></body>"
      return try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
        from: DecodedDocument(text: html, format: .html, encoding: "UTF-8")
      ).text
    }
    #expect(try kept("More questions about Local Area Agreements").contains("final question"))
    #expect(try !kept("More from the partnership").contains("final question"))
  }

  /// Prose wrapped by hand with <br> is joined into its sentences; an address stays a line a
  /// block.
  @Test func proseWrappedWithLineBreaksIsJoinedAndAnAddressIsNot() throws {
    let html = """
      <html><body><table><tr><td>The Millbeck Community Partnership (MCP) is the Local Strategic<br>
      Partnership for Millbeck. This is our second year and we have<br>
      made real progress, and this tradition of co-<br>
      operation has made it easier to get the partnership going.<br><br>
      </td></tr></table><p>Partnership Unit<br>Town Hall<br>Millbeck</p></body></html>
      """
    let texts = try HTMLTextExtractor().extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8")
    ).texts
    #expect(
      texts.contains(
        "The Millbeck Community Partnership (MCP) is the Local Strategic Partnership for Millbeck. This is our second year and we have made real progress, and this tradition of co-operation has made it easier to get the partnership going."
      ), "\(texts)")
    #expect(texts.suffix(3) == ["Partnership Unit", "Town Hall", "Millbeck"])
  }

  @Test func readsXHTMLWithAnXMLDeclarationAndNoNetwork() throws {
    let decoded = try CharsetDecoder().decode(
      try Fixtures.bytes("html/xhtml-latin1.xhtml"), format: .html)
    #expect(decoded.declaredEncoding == "iso-8859-1")
    #expect(decoded.encoding == "windows-1252")
    let extracted = try HTMLTextExtractor().extractText(from: decoded)
    #expect(
      extracted.texts == [
        "Annual report 2004 | Stanmoor LSP", "Annual report 2004",
        "The partnership spent £120,000 on capacity building.",
        "Trust between partners is high.",
      ])
    #expect(extracted.metadata.title == "Annual report 2004")
    #expect(extracted.metadata.language == "en-GB")
  }

  @Test func aStorysHeadlineOutsideItsMainContentAndItsFactBoxAreKept() throws {
    let paragraphs = (1...6).map {
      "<p>Paragraph \($0) of the story says that the partnership board met, argued, and agreed a plan for the town.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Partnership in doubt | News</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Partnership in doubt as agreements end</h1><p class="byline">By <a href="/a">A Writer</a></p>
      <div class="story-body">\(paragraphs)
      <aside class="factfile"><h3>Factfile</h3><ul><li>Board of 22 members from every sector</li></ul></aside>
      </div></article>
      <aside class="related"><h3>Related</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
      </body></html>
      """
    let extractor = HTMLTextExtractor(keepsMainContentOnly: true)
    let extracted = try extractor.extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(
      extracted.texts.prefix(2) == [
        "Partnership in doubt | News", "Partnership in doubt as agreements end",
      ])
    #expect(extracted.texts.contains("Board of 22 members from every sector"))
    #expect(!extracted.texts.contains("Another story"))
    #expect(extracted.headline == "Partnership in doubt as agreements end")
  }

  /// A news story's main content with `lead` between its headline and its six paragraphs.
  private func story(leadingWith lead: String) throws -> ExtractedText {
    let paragraphs = (1...6).map {
      "<p>Paragraph \($0) of the story says that the partnership board met, argued, and agreed a plan for the town.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Partnership in doubt | News</title></head><body>
      <article><h1>Partnership in doubt as agreements end</h1>
      \(lead)
      <div class="story-body">\(paragraphs)</div></article>
      </body></html>
      """
    return try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
  }

  @Test func aStorysStandfirstUnderItsHeadlineIsKeptAndItsBylineIsNot() throws {
    let extracted = try story(
      leadingWith: """
        <p class="standfirst">Board to decide whether the Hadley Partnership should carry on</p>
        <p class="byline">By <a href="/a">A Writer</a></p><p class="timestamp">Published 3 May 2010</p>
        """)
    #expect(
      extracted.texts.prefix(3) == [
        "Partnership in doubt | News", "Partnership in doubt as agreements end",
        "Board to decide whether the Hadley Partnership should carry on",
      ])
    #expect(!extracted.texts.contains { $0.contains("A Writer") })
  }

  @Test func aBylineAndADateLineBeforeTheStandfirstArePassedOver() throws {
    let extracted = try story(
      leadingWith: """
        <p class="byline">By <a href="/a">A Writer</a></p><p class="published">3 May 2010</p>
        <p class="strapline">Board to decide whether the Hadley Partnership should carry on</p>
        """)
    #expect(
      extracted.texts.contains("Board to decide whether the Hadley Partnership should carry on"))
    #expect(!extracted.texts.contains { $0.contains("A Writer") || $0.contains("3 May 2010") })
  }

  @Test func aListOfDocumentsToDownloadIsContentAndAListOfStoriesIsNot() throws {
    let paragraphs = (1...6).map {
      "<p>Paragraph \($0) says that the partnership board met, argued at length, and agreed a plan for the town.</p>"
    }
    .joined()
    let html = """
      <html><head><title>About the partnership</title></head><body><main>\(paragraphs)
      <h2>Documents</h2><ul><li><a href="/docs/strategy.pdf">Community strategy 2020 (PDF, 2.1MB)</a></li>
      <li><a href="/docs/terms.pdf">Board terms of reference (PDF, 64KB)</a></li>
      <li><a href="/docs/laa.pdf">Local Area Agreement 2006-09 (PDF, 890KB)</a></li></ul>
      <ul><li><a href="/news/1">Another story</a></li><li><a href="/news/2">A second story</a></li><li><a href="/news/3">A third</a></li></ul>
      </main></body></html>
      """
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(extracted.texts.contains("Board terms of reference (PDF, 64KB)"))
    #expect(!extracted.texts.contains("Another story"))
  }

  @Test func aDataTablesLinkedEntriesAreCellsAndATableOfLinksIsNot() throws {
    let paragraphs = (1...6).map {
      "<p>Paragraph \($0) says that the partnership board met, argued at length, and agreed a plan for the town.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Partnerships</title></head><body><main>\(paragraphs)
      <table><tr><th>Partnership</th><th>Chair</th><th>Meets</th></tr>
      <tr><td><a href="/p/health">Healthy Harbury Partnership</a></td><td>Director of Public Health, Harbury PCT</td><td>Quarterly</td></tr>
      <tr><td><a href="/p/safer">Safer Harbury</a></td><td>Superintendent of the local police division</td><td>Monthly</td></tr></table>
      <table><tr><td><a href="/news/1">Another story</a></td><td><a href="/news/2">A second story</a></td></tr></table>
      </main></body></html>
      """
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(extracted.texts.contains("Healthy Harbury Partnership"))
    #expect(extracted.texts.contains("Safer Harbury"))
    #expect(!extracted.texts.contains("Another story"))
  }

  @Test func anAgendaItemLaidOutInTableRowsIsReadWholeWithItsHeadings() throws {
    let minutes = (1...4).map {
      "<p>Minute \($0): members said the partnership board had met, argued at length, and agreed a plan for the town.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Agenda item</title></head><body><div id="nav"><a href="/">Home</a></div><div id="content">
      <h1>Agenda item</h1><h2>Tillby Partnership Board: future arrangements</h2>
      <table class="meeting"><tr><th>Meeting:</th><td>14/09/2010 - Scrutiny Committee</td></tr></table>
      <table class="item">
      <tr><td>27.</td><td><p>Tillby Partnership Board: future arrangements</p></td></tr>
      <tr><td></td><td><p>To consider options for the future of the Tillby Partnership Board, and to make recommendations.</p></td></tr>
      <tr><td></td><td><p>Minutes:</p>\(minutes)</td></tr>
      </table></div></body></html>
      """
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(extracted.texts.contains("Tillby Partnership Board: future arrangements"))
    #expect(
      extracted.texts.contains(
        "To consider options for the future of the Tillby Partnership Board, and to make recommendations."
      ))
    #expect(extracted.texts.contains { $0.hasPrefix("Minute 4:") })
    #expect(!extracted.texts.contains("Home"))
  }

  /// A news story with a readers' comment thread after the article, in the shape of a local
  /// paper's page: who wrote each comment and when, and the sign-in line under the thread.
  private func storyWithComments(_ thread: String) -> String {
    let story = (1...5).map {
      "<p>Paragraph \($0) of the story says that the Brayford partnership board met, argued, and agreed its plan.</p>"
    }
    .joined()
    return """
      <html><head><title>Partnership plan agreed | News</title></head><body>
      <article><h1>Partnership plan agreed</h1><div class="story-body">\(story)</div></article>
      \(thread)
      <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
      </body></html>
      """
  }

  @Test(arguments: [true, false])
  func readersCommentsAreKeptAsCommentBlocksWithoutTheirNamesDatesAndLinks(mainContentOnly: Bool)
    throws
  {
    let html = storyWithComments(
      """
      <div id="comments"><h3>What our readers say (3)</h3>
      <div class="comment"><p class="who">Millbank resident</p><p class="when">12/05/2006 09:14</p>
      <p>Nobody on our estate has ever been asked what they think by this partnership.</p></div>
      <div class="comment"><p class="comment-author">J. Pellow <span class="comment-date">12/05/2006</span></p>
      <p>Too many meetings.</p><p>Yes.</p></div>
      <p><a href="/login">Log in</a> or <a href="/register">register</a> to comment</p>
      </div>
      """)
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: mainContentOnly).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    let comments = extracted.blocks.filter { $0.kind == .comment }.map(\.text)
    #expect(
      comments == [
        "What our readers say (3)",
        "Nobody on our estate has ever been asked what they think by this partnership.",
        "Too many meetings.",
      ])
    // The thread's own heading is part of it: what a reader writes as a comment's subject is
    // the reader's too.
    #expect(
      extracted.blocks.contains { $0.kind == .comment && $0.text == "What our readers say (3)" })
    for furniture in ["Millbank resident", "12/05/2006", "J. Pellow", "Log in", "Yes."] {
      #expect(!extracted.text.contains(furniture), "\(furniture)")
    }
    // The story is read as before, and never as comments.
    #expect(
      extracted.blocks.filter { $0.text.hasPrefix("Paragraph ") }.allSatisfy {
        $0.kind == .paragraph
      })
    #expect(extracted.blocks.filter { $0.text.hasPrefix("Paragraph ") }.count == 5)
  }

  /// A thread whose comments carry no name of their own: bare containers with who wrote each,
  /// and a definition list of who said what.
  @Test(arguments: [
    """
    <div class="comments"><h3>Your comments</h3>
    <div class="c"><span class="who">Echo reader, Brayford</span>
    <p>Nobody on our estate has ever been asked what they think by this partnership.</p></div>
    <div class="c"><span class="who">Tenant, Northgate</span><p>Too many meetings and no decisions.</p></div>
    </div>
    """,
    """
    <div id="comments"><h3>2 comments:</h3><dl>
    <dt>Ann T said...</dt>
    <dd><p>Nobody on our estate has ever been asked what they think by this partnership.</p></dd>
    <dt>Hallam Resident said...</dt><dd><p>Too many meetings and no decisions.</p></dd>
    </dl></div>
    """,
  ])
  func aThreadOfUnnamedCommentsIsKept(thread: String) throws {
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: storyWithComments(thread), format: .html, encoding: "UTF-8"))
    let comments = extracted.blocks.filter { $0.kind == .comment }.map(\.text)
    #expect(
      comments.contains(
        "Nobody on our estate has ever been asked what they think by this partnership."))
    #expect(comments.contains("Too many meetings and no decisions."))
    #expect(!extracted.text.contains("Echo reader"))
    #expect(
      extracted.blocks.filter { $0.text.hasPrefix("Paragraph ") }.allSatisfy {
        $0.kind == .paragraph
      })
  }

  /// A site's house rules for comments, named for both, are no thread of comments.
  @Test func aCommentsRulesWindowIsNoThread() throws {
    let html = storyWithComments(
      """
      <div class="modal-window window-comments-rules"><header>Community standards</header>
      <div class="rules"><p>Users are obliged to speak respectfully to other participants.</p>
      <p>The administration may delete any comment without notice.</p></div></div>
      """)
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(!extracted.blocks.contains { $0.kind == .comment })
    #expect(!extracted.text.contains("obliged to speak"))
  }

  @Test func aThreadInsideTheArticleIsKeptAsCommentsAndAWrapperNamedForCommentsIsNotAThread()
    throws
  {
    // WordPress's shape: the thread inside the post's container, its list named comment-list.
    let story = (1...5).map {
      "<p>Paragraph \($0) of the post says that the Brayford partnership board met, argued, and agreed its plan.</p>"
    }
    .joined()
    let inside = """
      <html><head><title>A post</title></head><body><div class="post">\(story)
      <section class="comments-area"><h2>2 thoughts on this post</h2><ol class="comment-list">
      <li class="comment"><footer class="comment-meta"><cite class="fn">Ann</cite> <span class="says">says:</span></footer>
      <div class="comment-content"><p>The voluntary sector was never given a proper seat at the table.</p></div>
      <div class="reply"><a href="#r">Reply</a></div></li></ol></section></div></body></html>
      """
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: inside, format: .html, encoding: "UTF-8"))
    #expect(
      extracted.blocks.filter { $0.kind == .comment }.map(\.text) == [
        "2 thoughts on this post",
        "The voluntary sector was never given a proper seat at the table.",
      ])
    #expect(!extracted.text.contains("says:") && !extracted.text.contains("Reply"))

    // A theme that names the page's wrapper "comments-enabled" holds the article: not a thread.
    let wrapper = """
      <html><head><title>A post</title></head><body><div class="page comments-enabled"><article>\(story)
      </article></div></body></html>
      """
    let plain = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: wrapper, format: .html, encoding: "UTF-8"))
    #expect(!plain.blocks.contains { $0.kind == .comment })
    #expect(plain.blocks.filter { $0.text.hasPrefix("Paragraph ") }.count == 5)
  }

  @Test func aWordPressThreadOfArticlesIsReadAndTheMinutesOwnCommentsAreNot() throws {
    let story = (1...5).map {
      "<p>Paragraph \($0) of the post says that the Brayford partnership board met, argued, and agreed its plan.</p>"
    }
    .joined()
    // WordPress's HTML5 comments: each an <article class="comment-body"> in an
    // ol.comment-list, a registered user's comment named for its author, the sign-in line and
    // the form's notes.
    let wordpress = """
      <html><head><title>A post</title></head><body><div class="site"><main><article class="post">\(story)</article>
      <div id="comments" class="comments-area"><h2 class="comments-title">Two replies to this post</h2>
      <ol class="comment-list"><li id="comment-7" class="comment byuser comment-author-jsmith bypostauthor even">
      <article id="div-comment-7" class="comment-body"><footer class="comment-meta"><b class="fn">jsmith</b>
      <time datetime="2008-05-01">1 May 2008</time></footer>
      <div class="comment-content"><p>The voluntary sector was never given a proper seat at the table.</p></div>
      </article></li></ol>
      <p class="must-log-in">You must be <a href="/wp-login.php">logged in</a> to post a comment.</p>
      <p class="comment-notes">Your email address will not be published.</p></div></main></div></body></html>
      """
    let extracted = try HTMLTextExtractor(keepsMainContentOnly: true).extractText(
      from: DecodedDocument(text: wordpress, format: .html, encoding: "UTF-8"))
    #expect(
      extracted.blocks.filter { $0.kind == .comment }.map(\.text) == [
        "Two replies to this post",
        "The voluntary sector was never given a proper seat at the table.",
      ])
    #expect(!extracted.text.contains("jsmith") && !extracted.text.contains("logged in"))
    #expect(!extracted.text.contains("will not be published"))

    // Minutes that record the chair's comments: no single comment inside, so the page's own text.
    let minutes = """
      <html><head><title>Minutes</title></head><body><div class="content">\(story)
      <div class="chair-comments"><h3>Chair's comments</h3><p>The chair thanked the partners for a year of steady progress on the plan.</p></div>
      </div></body></html>
      """
    // (Main-content selection prunes a block whose class names comments, thread or not; without
    // it the block is read.)
    let own = try HTMLTextExtractor(keepsMainContentOnly: false).extractText(
      from: DecodedDocument(text: minutes, format: .html, encoding: "UTF-8"))
    #expect(!own.blocks.contains { $0.kind == .comment })
    #expect(
      own.texts.contains(
        "The chair thanked the partners for a year of steady progress on the plan."))
  }

  @Test func aThreadInsideAnElementThatIsLeftOutIsKeptWithoutThatElementsOwnText() throws {
    let story = (1...5).map {
      "<p>Paragraph \($0) of the story says that the Brayford partnership board met, argued, and agreed its plan.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Story</title></head><body><article>\(story)</article>
      <footer class="post-footer"><p>Share this story: Facebook, Twitter, e-mail.</p>
      <div id="comments"><div class="comment"><p>Nobody on our estate was ever asked about the plan, not once.</p></div></div>
      </footer></body></html>
      """
    for mainContentOnly in [true, false] {
      let extracted = try HTMLTextExtractor(keepsMainContentOnly: mainContentOnly).extractText(
        from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
      #expect(
        extracted.blocks.filter { $0.kind == .comment }.map(\.text) == [
          "Nobody on our estate was ever asked about the plan, not once."
        ])
      #expect(!extracted.text.contains("Share this story"))
    }
  }
}
