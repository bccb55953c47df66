import CallData

/// The minimum-rest rule between consecutive shifts of one agent, shared by every command that
/// places shifts (`schedule`, `callout`).
///
/// Rest is measured in UTC seconds — the next shift's start minus the previous shift's end — so a
/// night on which clocks change is as long as it really is.
///
/// *Source*: EU Working Time Directive 2003/88/EC art. 3 (11 consecutive hours per 24-hour
/// period) and the German Arbeitszeitgesetz §5(1) (11 hours after the end of the daily work).
///
/// *Edge Cases*: a negative, NaN or infinite rest (only possible from code, the agent reader
/// refuses them) counts as 0 (no rule); a rest above `maxRestHours` is capped there.
/// *Postconditions*: `minRestSeconds` is a whole number of seconds in `0...maxRestHours × 3,600`.
package enum RestRule {
    /// The default minimum rest, hours (EU WTD art. 3, ArbZG §5(1)).
    package static let defaultHours = 11.0
    /// The largest minimum rest accepted, hours (the agent reader's limit for `min_rest_hours`).
    package static let maxRestHours = 48.0

    /// Seconds of rest agent `agent` needs between shifts: its `min_rest_hours` when given,
    /// else `defaultHours` (the command's `--min-rest`, in hours; 0 disables the rule).
    package static func minRestSeconds(agent: Agent, defaultHours: Double) -> Int {
        seconds(hours: agent.minRestHours ?? defaultHours)
    }

    /// `hours` as whole seconds, clamped to `0...maxRestHours` (non-finite → 0).
    package static func seconds(hours: Double) -> Int {
        guard hours.isFinite, hours > 0 else { return 0 }
        return Int((min(hours, maxRestHours) * 3_600).rounded())
    }

    /// Whether a shift starting at `nextStart` may follow one that ended at `previousEnd` (UTC
    /// seconds) under a minimum rest of `minRestSeconds`. Overlapping shifts never may.
    package static func allows(previousEnd: Int, nextStart: Int, minRestSeconds: Int) -> Bool {
        nextStart - previousEnd >= max(0, minRestSeconds)
    }
}
