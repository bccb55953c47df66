import CallData

/// The planner's report of one run: a self-contained HTML page (inline CSS and SVG, no script,
/// no external resource) with, per queue, KPI tiles, forecast vs history with the prediction band,
/// required vs scheduled agents with the net over/under, and a roster Gantt per day.
enum ReportPage {
    static func html(_ run: PlanRunData) -> String {
        let e = ReportCharts.escape
        var s = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Headcount plan \(e(run.runDate))</title>
            <style>\(css)</style></head><body>
            <header><h1>Headcount plan · run \(e(run.runDate))</h1>
            <p class="muted">\(e(run.tool)) · \(run.queues.count) queue(s), \(run.queues.filter { $0.status != "ok" }.count) failed · \(e(run.folder))</p>
            <nav>\(run.queues.map { "<a href=\"#q-\(e($0.name))\" class=\"\($0.status == "ok" ? "" : "bad")\">\(e($0.name))</a>" }.joined(separator: " "))</nav>
            </header>

            """
        for q in run.queues {
            s += "<section id=\"q-\(e(q.name))\"><h2>\(e(q.name))</h2>\n"
            guard q.status == "ok" else {
                s += "<p class=\"failed\">Not planned: \(e(q.error ?? "failed"))</p></section>\n"
                continue
            }
            s += tiles(q) + "\n"
            s += "<h3>Calls: history and forecast with the \(e(levelText(q))) prediction band</h3>\n"
            s +=
                "<figure>" + ReportCharts.forecastChart(q)
                + legend([("hist", "history"), ("fc", "forecast"), ("band", "prediction band")]) + "</figure>\n"
            s += "<h3>Agents per interval: required vs scheduled, and net (scheduled − required)</h3>\n"
            s +=
                "<figure>" + ReportCharts.coverageChart(q)
                + legend([("req", "required"), ("sched", "scheduled"), ("over", "over"), ("under", "under (short)")])
                + "</figure>\n"
            s += "<h3>Roster by day (breaks are gaps)</h3>\n"
            s += legend([("core", "core"), ("ondemand", "on-demand")]) + ReportCharts.ganttCharts(q) + "\n</section>\n"
        }
        return s
            + "<footer class=\"muted\">Written by Headcount; open offline: no script, no network.</footer></body></html>\n"
    }

    static func levelText(_ q: PlanRunData.Queue) -> String {
        guard let level = q.figures["level"] as? Double else { return "forecast" }
        return formatDecimal(level * 100, places: 1) + "%"
    }

    static func tiles(_ q: PlanRunData.Queue) -> String {
        let f = q.figures
        func num(_ key: String) -> Double? { (f[key] as? Double) ?? (f[key] as? Int).map(Double.init) }
        func grouped(_ x: Double?, places: Int = 0) -> String {
            guard let x else { return "–" }
            let text = formatDecimal(x, places: places)
            let parts = text.split(separator: ".", maxSplits: 1)
            var whole = String(parts[0])
            let negative = whole.hasPrefix("-")
            if negative { whole.removeFirst() }
            var out = ""
            for (k, c) in whole.reversed().enumerated() {
                if k > 0, k % 3 == 0 { out.append(",") }
                out.append(c)
            }
            return (negative ? "-" : "") + String(out.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        }
        func pct(_ x: Double?) -> String { x.map { formatDecimal($0 * 100, places: 1) + "%" } ?? "–" }
        /// A 95 % half-width in percentage points.
        func points(_ x: Double) -> String { formatDecimal(x * 100, places: 1) }
        let expected = num("service_level_expected")
        let short = num("intervals_short") ?? 0
        let items: [(String, String, String, String)] = [
            (
                "Calls forecast", grouped(num("forecast_calls")),
                "\(f["first_day"] as? String ?? "") – \(f["last_day"] as? String ?? "")", ""
            ),
            ("Peak agents", grouped(num("peak_agents")), "scheduled, incl. shrinkage", ""),
            ("Paid hours", grouped(num("paid_hours"), places: 1), "\(grouped(num("agents_used"))) agents", ""),
            ("Cost", grouped(num("cost"), places: 1), "rate × paid hours", ""),
            (
                "SL promised", pct(num("service_level_promised")),
                "target \(pct(num("service_level_target"))) (Erlang)", ""
            ),
            (
                "SL expected (simulated)",
                expected.map { pct($0) + (num("service_level_expected_ci95").map { " ± " + points($0) } ?? "") }
                    ?? "not simulated",
                num("abandon_rate_expected").map { rate in
                    "abandon \(pct(rate))"
                        + (num("abandon_rate_expected_ci95").map { " ± " + points($0) } ?? "")
                        + ", \(grouped(num("simulation_replications"))) runs"
                } ?? "simulation of the roster",
                expected == nil ? "muted" : ""
            ),
            (
                "Intervals short", grouped(num("intervals_short")), "max shortfall \(grouped(num("max_shortfall")))",
                short > 0 ? "warn" : ""
            ),
            ("Solver gap", pct(num("solver_gap")), "model \(f["model"] as? String ?? "?")", ""),
        ]
        let e = ReportCharts.escape
        return "<div class=\"tiles\">"
            + items.map { t in
                "<div class=\"tile \(t.3)\"><div class=\"k\">\(e(t.0))</div><div class=\"v\">\(e(t.1))</div><div class=\"s\">\(e(t.2))</div></div>"
            }.joined() + "</div>"
    }

    static func legend(_ items: [(String, String)]) -> String {
        "<figcaption class=\"legend\">"
            + items.map { "<span><i class=\"sw \($0.0)\"></i>\(ReportCharts.escape($0.1))</span>" }.joined()
            + "</figcaption>"
    }

    static let css = """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 24px 24px;color:#1d2330;background:#fff}
        header{border-bottom:1px solid #dde2ea;margin-bottom:8px}h1{font-size:22px;margin:16px 0 4px}h2{font-size:19px;margin:22px 0 6px;border-top:3px solid #2b5fab;padding-top:8px}
        h3{font-size:14px;margin:14px 0 4px;color:#3a4456}nav a{margin-right:10px;color:#2b5fab}nav a.bad{color:#b3261e}
        .muted{color:#6b7585}.failed{background:#fdecea;border:1px solid #f3b7b2;color:#8c1d18;padding:8px 12px;border-radius:6px}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px}
        .tile{border:1px solid #dde2ea;border-radius:8px;padding:8px 10px;background:#f7f9fc}.tile .k{font-size:12px;color:#56607a}
        .tile .v{font-size:22px;font-weight:600}.tile .s{font-size:11px;color:#6b7585}.tile.warn{background:#fff4e5;border-color:#f0c27b}.tile.muted .v{font-size:15px;color:#6b7585}
        figure{margin:0}svg{width:100%;height:auto;display:block}
        .grid{stroke:#e6e9ef;stroke-width:1}.axis{stroke:#8a93a5;stroke-width:1}.now{stroke:#8a93a5;stroke-dasharray:4 3}
        .lbl{font-size:10px;fill:#56607a}.ttl{font-size:11px;fill:#1d2330;font-weight:600}
        .band{fill:#9ec1f0;fill-opacity:.45;stroke:none}.hist{fill:none;stroke:#1d2330;stroke-width:1.2}.fc{fill:none;stroke:#2b5fab;stroke-width:1.6}
        .req{fill:none;stroke:#1d2330;stroke-width:1.4}.sched{fill:none;stroke:#2b9a66;stroke-width:1.4;stroke-dasharray:3 2}
        .over{stroke:#2b9a66;fill:none}.under{stroke:#d93025;fill:none}
        .core{stroke:#2b5fab;fill:none}.ondemand{stroke:#e8710a;fill:none}.brk{stroke:#fff;fill:none}
        .gantts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:10px}.gantt{border:1px solid #eef0f4;border-radius:6px;padding:2px}
        .legend{font-size:12px;color:#56607a;margin:2px 0 6px}.legend span{margin-right:14px}
        .sw{display:inline-block;width:14px;height:8px;margin-right:5px;vertical-align:middle;border-radius:2px}
        .sw.hist,.sw.req{background:#1d2330}.sw.fc,.sw.core{background:#2b5fab}.sw.band{background:#9ec1f0}.sw.sched,.sw.over{background:#2b9a66}
        .sw.under{background:#d93025}.sw.ondemand{background:#e8710a}
        footer{margin-top:28px;font-size:12px}
        """
}
