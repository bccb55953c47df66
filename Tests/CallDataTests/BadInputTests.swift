import Testing

@testable import CallData

/// Every bad file under Fixtures/ fails with the right error at the right line and column.
@Suite struct BadInputTests {
    func path(_ n: String) -> String { Fixture.path(n) }

    @Test func emptyFile() {
        #expect(Fixture.error("empty.csv") == .emptyFile(file: path("empty.csv")))
    }

    @Test func headerOnly() {
        #expect(Fixture.error("header_only.csv") == .emptyFile(file: path("header_only.csv")))
    }

    @Test func wrongHeaderNamesBothShapes() {
        guard case .missingColumn(_, let line, let name, _) = Fixture.error("wrong_header.csv") else {
            Issue.record("expected missingColumn")
            return
        }
        #expect(line == 1)
        #expect(name.contains("arrived_at") && name.contains("interval_start"))
    }

    @Test func unknownColumn() {
        #expect(
            Fixture.error("unknown_column.csv")
                == .unknownColumn(
                    file: path("unknown_column.csv"), line: 1, column: 22, name: "colour",
                    expected:
                        "interval_start, calls, [queue], [interval_minutes], [aht_seconds], [answered], [abandoned], [service_level]"
                )
        )
    }

    @Test func garbageNumber() {
        #expect(
            Fixture.error("garbage_number.csv")
                == .badNumber(
                    file: path("garbage_number.csv"), line: 3, column: 21, value: "1x2",
                    expected: "a number of calls ≥ 0"))
    }

    @Test func negativeCount() {
        #expect(
            Fixture.error("negative_count.csv")
                == .negativeValue(file: path("negative_count.csv"), line: 3, column: 21, value: "-4"))
    }

    @Test func hugeValue() {
        guard case .implausibleValue(_, 3, 21, "99999999999", _) = Fixture.error("huge_value.csv") else {
            Issue.record("expected implausibleValue at 3:21")
            return
        }
    }

    @Test func duplicateInterval() {
        #expect(
            Fixture.error("duplicate_interval.csv")
                == .duplicateInterval(
                    file: path("duplicate_interval.csv"), line: 4, column: 1, value: "2025-01-06T08:30:00", firstLine: 3
                ))
    }

    @Test func outOfOrder() {
        #expect(
            Fixture.error("out_of_order.csv")
                == .outOfOrder(
                    file: path("out_of_order.csv"), line: 4, column: 1, value: "2025-01-06T08:30:00",
                    previous: "2025-01-06T09:00:00"))
    }

    @Test func misalignedStart() {
        guard case .misalignedInterval(_, 5, 1, _, 1800) = Fixture.error("misaligned.csv") else {
            Issue.record("expected misalignedInterval at 5:1 on the 30m grid")
            return
        }
    }

    @Test func nonexistentLocalTimeInSpringForwardGap() {
        #expect(
            Fixture.error("dst_gap_naive.csv", zone: Fixture.berlin)
                == .nonexistentLocalTime(
                    file: path("dst_gap_naive.csv"), line: 3, column: 1, value: "2025-03-30T02:30:00",
                    timeZone: "Europe/Berlin"))
        // The same wall-clock times are fine in UTC.
        #expect(Fixture.error("dst_gap_naive.csv", zone: .utc) == nil)
    }

    @Test func badTimestamp() {
        #expect(
            Fixture.error("bad_timestamp.csv")
                == .badTimestamp(
                    file: path("bad_timestamp.csv"), line: 3, column: 1, value: "2025-13-06T08:30:00"))
    }

    @Test func unterminatedQuote() {
        #expect(
            Fixture.error("unterminated_quote.csv")
                == .unterminatedQuote(file: path("unterminated_quote.csv"), line: 2, column: 22))
    }

    @Test func wrongFieldCount() {
        #expect(
            Fixture.error("field_count.csv")
                == .fieldCount(file: path("field_count.csv"), line: 3, expected: 2, found: 3))
    }

    @Test func badAbandonedFlag() {
        guard case .badNumber(_, 3, 27, "maybe", _) = Fixture.error("bad_abandoned.csv") else {
            Issue.record("expected badNumber at 3:27")
            return
        }
    }

    @Test func negativeDuration() {
        #expect(
            Fixture.error("negative_duration.csv")
                == .negativeValue(file: path("negative_duration.csv"), line: 3, column: 22, value: "-60"))
    }

    @Test func missingFile() {
        guard case .unreadable = Fixture.error("no_such_file.csv") else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test func everyMessageIsOneLineWithLocation() {
        let names = [
            "empty.csv", "unknown_column.csv", "garbage_number.csv", "negative_count.csv", "duplicate_interval.csv",
            "out_of_order.csv", "misaligned.csv", "bad_timestamp.csv", "unterminated_quote.csv", "field_count.csv",
            "huge_value.csv", "negative_duration.csv",
        ]
        for n in names {
            let text = Fixture.error(n)!.description
            #expect(!text.contains("\n"), "\(n): \(text)")
            #expect(text.hasPrefix(path(n) + ":"), "\(n): \(text)")
            #expect(text.contains("expected"), "\(n): \(text)")
        }
    }
}
