import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr check` in the reader's language: every finding, hint, summary line and rule description
/// from the wording catalogues, Dutch by default and English with `--locale en`, while rule ids,
/// severities, places, numbers, JSON keys, SARIF's structure and the order stay the same.
@Suite struct CheckWordingTests {
    static let regressions = "Tests/AMRCoreTests/Regressions/check/"

    /// The rule tests' plans and the regression plans, and variants of each with one run of
    /// digits made one larger (an amount, a count, a year, a code): together they make every
    /// rule speak, many in several ways. Variants that no longer load are left out.
    static func plans() throws -> [LoadedPlan] {
        // The rule tests' plans, one with a key the format does not define.
        var texts = [CheckRulesTests.base, TableRulesTests.base,
                     CheckRulesTests.base.replacingOccurrences(of: "\"schemaVersion\": 1,", with: "\"schemaVersion\": 1, \"ammount\": 1,")]
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.root.appendingPathComponent(regressions).path).sorted()
        where name.hasSuffix(".json") {
            texts.append(try String(contentsOf: TestSupport.root.appendingPathComponent(regressions + name), encoding: .utf8))
        }
        let digits = try NSRegularExpression(pattern: "[0-9]+")
        var plans: [LoadedPlan] = []
        for text in texts {
            let ns = text as NSString
            let runs = digits.matches(in: text, range: NSRange(location: 0, length: ns.length))
            var variants = [text]
            for run in runs {
                let found = ns.substring(with: run.range)
                guard let value = Int(found) else { continue }
                let bigger = String(value + 1)
                let padded = String(repeating: "0", count: max(0, found.count - bigger.count)) + bigger
                variants.append(ns.replacingCharacters(in: run.range, with: padded))
            }
            for variant in variants {
                if let loaded = try? PlanLoader.load(bytes: Array(variant.utf8), file: "p.json") { plans.append(loaded) }
            }
        }
        return plans
    }

    @Test func everyRuleHasItsSummaryAndHelpInBothLanguages() {
        let ids = PlanChecker.rules.map { $0.id } + [PlanChecker.unknownKeyRule]
        for words in [CheckWording.dutch, CheckWording.english] {
            #expect(Set(words.rules.keys) == Set(ids))
        }
        for id in ids {
            let dutch = CheckWording.dutch.rules[id], english = CheckWording.english.rules[id]
            #expect(dutch?.summary.isEmpty == false, "\(id)")
            #expect(dutch?.help.isEmpty == false, "\(id)")
            #expect(english?.summary.isEmpty == false, "\(id)")
            #expect(english?.help.isEmpty == false, "\(id)")
            #expect(dutch?.summary != english?.summary, "\(id)")
            #expect(dutch?.help != english?.help, "\(id)")
        }
        let dutch = PlanChecker.ruleDescriptors(locale: .nl), english = PlanChecker.ruleDescriptors(locale: .en)
        #expect(dutch.map(\.id) == english.map(\.id))
        #expect(dutch.map(\.defaultSeverity) == english.map(\.defaultSeverity))
        // The help of `amr check` (English, as all help is) lists the English summaries.
        #expect(PlanChecker.ruleSummaries.map(\.summary) == english.map(\.summary))
    }

    /// Every fixed word of the catalogue (hints, names) is there in both languages and differs.
    @Test func everyFixedWordIsThereInBothLanguages() {
        let dutch = Mirror(reflecting: CheckWording.dutch).children, english = Mirror(reflecting: CheckWording.english).children
        var compared = 0
        for (nl, en) in zip(dutch, english) {
            guard let a = nl.value as? String, let b = en.value as? String else { continue }
            #expect(!a.isEmpty && !b.isEmpty, "\(nl.label ?? "")")
            #expect(a != b, "\(nl.label ?? "") is the same in both languages")
            compared += 1
        }
        #expect(compared > 40)
    }

    /// The same findings in both languages, in the same order, at the same places, with the same
    /// numbers; only the words differ, and each has its words in both.
    @Test func everyFindingIsWordedInBothLanguages() throws {
        var rules = Set<String>()
        var count = 0
        for plan in try Self.plans() {
            let dutch = PlanChecker.check(plan, locale: .nl, strict: true)
            let english = PlanChecker.check(plan, locale: .en, strict: true)
            #expect(dutch.count == english.count)
            for (nl, en) in zip(dutch, english) {
                #expect(nl.rule == en.rule)
                #expect(nl.severity == en.severity)
                #expect(nl.location == en.location)
                #expect(nl.stated == en.stated)
                #expect(nl.expected == en.expected)
                #expect(nl.related.map(\.location) == en.related.map(\.location))
                #expect(!nl.message.isEmpty && nl.message != en.message, "\(nl.rule): \(nl.message)")
                #expect((nl.hint == nil) == (en.hint == nil))
                if let hint = nl.hint { #expect(!hint.isEmpty && hint != en.hint, "\(nl.rule): \(hint)") }
                #expect(nl.related.allSatisfy { !$0.message.isEmpty })
                rules.insert(nl.rule)
                count += 1
            }
        }
        // Nearly every rule spoke (the CBS rules need real municipalities: the fixtures below).
        #expect(rules.isSuperset(of: ["budget-sum", "carry-over", "allocation-sum", "allocation-share", "grand-total", "formula", "target-split",
                                      "count-total", "table-row-total", "table-column-total", "percentage", "table-percentage", "consistency",
                                      "transparency-overlap", "reference", "duplicate-id", "period", "unknown-key"]), "\(rules.sorted())")
        #expect(count > 200)
    }

    /// Words of the old English messages that Dutch findings must not contain.
    static let englishWords = [" add up", "stated ", " but ", " the ", "short)", "too much)", "checked ", "correct ", " could not", " is not ",
                               " which ", " has no ", " rounded ", " more than ", " should ", "see also"]

    static func english(in text: String) -> [String] { englishWords.filter { text.contains($0) } }

    @Test func aDutchRunHasNoEnglishWords() throws {
        let outcome = TestSupport.run(["check", "Fixtures/", Self.regressions, "Tests/AMRCoreTests/Regressions/"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("gecontroleerd: "))
        // The findings' own lines, without the excerpts of the plans (whose texts are quoted).
        let lines = outcome.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(" ") || $0.hasPrefix("   = hint:") }
        for line in lines {
            #expect(Self.english(in: line).isEmpty, "\(line)")
        }
        for plan in try Self.plans() {
            // An allocation amr cannot split quotes the allocator's input error, which is English
            // like every input error of amr (on stderr too); the words around it are Dutch.
            for finding in PlanChecker.check(plan, locale: .nl, strict: true) where !finding.message.hasPrefix("de exacte verdeling kan niet worden gemaakt: ") {
                let words = ([finding.message, finding.hint ?? ""] + finding.related.map(\.message)).joined(separator: " | ")
                #expect(Self.english(in: words).isEmpty, "\(finding.rule): \(words)")
            }
        }
        let github = TestSupport.run(["check", "--format", "github", "Fixtures/veenstreek-tabellen-2020.json"]).stdout
        #expect(github.contains(" (zie ook Fixtures/veenstreek-tabellen-2020.json:29:48: hier vermeld als € 125.400,00)"))
    }

    @Test func localeEnGivesTheEnglishMessages() {
        let outcome = TestSupport.run(["check", "--locale", "en", "Fixtures/haaglanden-2018.json"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("error[allocation-sum]: the shares of \"Verdeling naar inwonertal, optie a (Schema 3)\" add up to €159,499.99 but the stated amount is €159,500.00 (€0.01 short)"))
        #expect(outcome.stdout.contains("   = hint: each share was probably rounded on its own; 'amr allocate' gives a split that adds up exactly"))
        #expect(outcome.stdout.hasSuffix("checked 1 file: 2 errors, 1 warning\n"))
        let dutch = TestSupport.run(["check", "Fixtures/haaglanden-2018.json"])
        #expect(dutch.stdout.contains("error[allocation-sum]: de aandelen van \"Verdeling naar inwonertal, optie a (Schema 3)\" tellen op tot € 159.499,99, maar het vermelde bedrag is € 159.500,00 (€ 0,01 te weinig)"))
        #expect(dutch.stdout.hasSuffix("1 bestand gecontroleerd: 2 fouten, 1 waarschuwing\n"))
        #expect(dutch.exitCode == outcome.exitCode)
    }

    /// A JSON document with every message, hint and description text left out.
    static func structure(_ text: String) throws -> NSObject {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                var kept: [String: Any] = [:]
                // `place` names a place in a Word or OpenDocument plan in words ("tabel 3", "table 3").
                for (key, inner) in object where !["message", "hint", "text", "place"].contains(key) { kept[key] = strip(inner) }
                return kept
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return try #require(strip(try JSONSerialization.jsonObject(with: Data(text.utf8))) as? NSObject)
    }

    @Test(arguments: ["json", "sarif"])
    func machineFormatsDifferOnlyInTheirWords(format: String) throws {
        let arguments = ["check", "--format", format, "Fixtures/", Self.regressions, "Tests/AMRCoreTests/Documents/veenstreek-2019-2021.docx"]
        let dutch = TestSupport.run(arguments), english = TestSupport.run(arguments + ["--locale", "en"])
        #expect(dutch.exitCode == english.exitCode)
        #expect(dutch.stdout != english.stdout)
        #expect(try Self.structure(dutch.stdout) == Self.structure(english.stdout))
    }

    @Test func githubAndJUnitKeepTheirStructure() {
        let arguments = ["check", "Fixtures/", Self.regressions]
        let dutch = TestSupport.run(arguments + ["--format", "github"]).stdout.split(separator: "\n")
        let english = TestSupport.run(arguments + ["--format", "github", "--locale", "en"]).stdout.split(separator: "\n")
        #expect(dutch.count == english.count)
        // Everything up to the message: command, file, line, column and title.
        for (nl, en) in zip(dutch, english).dropLast() {
            #expect(nl.components(separatedBy: "::").prefix(2) == en.components(separatedBy: "::").prefix(2))
        }
        func attributes(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                // The element's opening tag, without its message.
                String(line.prefix { $0 != ">" }).replacingOccurrences(of: #"message="[^"]*""#, with: "message", options: .regularExpression)
            }.filter { $0.hasPrefix("    <testcase") || $0.hasPrefix("      <failure") || $0.hasPrefix("<testsuites") }
        }
        #expect(attributes(TestSupport.run(arguments + ["--format", "junit"]).stdout)
                == attributes(TestSupport.run(arguments + ["--format", "junit", "--locale", "en"]).stdout))
    }
}
