#!/usr/bin/env python3
"""Writes the bad-input corpus and its manifest (cases.tsv). Run from this folder.

Each case: a real file, the command that reads it, the exit status expected, and the
location the one-line error must name (`file:line:` or `file:line:column:`)."""
import os

H = "interval_start,calls\n"
CL = "arrived_at,queue,handle_seconds,wait_seconds,abandoned\n"
FC = "interval_start,interval_minutes,queue,calls,calls_lower,calls_upper,aht_seconds\n"
RQ = "interval_start,required\n"
AG = "agent_id,pool,min_hours_week,max_hours_week,max_days_week,cost_per_hour,available\n"
GP = "interval_start,interval_minutes,queue,required,scheduled,gap\n"
RO = "agent_id,pool,date,shift_start,shift_end,break_start,break_end,paid_hours\n"
SD = "date,label,kind\n"
B = "Tests/HeadcountCLITests/BadInputs/"

cases = []  # (name, bytes, command, status, location)

def case(name, text, command, location, status=1):
    data = text.encode() if isinstance(text, str) else text
    cases.append((name, data, command, status, location))

AGG = "aggregate --calls {file} --interval 30m --output {out}"
AGGTZ = "aggregate --calls {file} --interval 30m --timezone Europe/Berlin --output {out}"
FCST = "forecast --history {file} --horizon 7d --output {out}"
STAFF = "staff --forecast {file} --aht 300 --output {out}"
SCHED = "schedule --requirements {file} --shifts data/shifts.toml --output {out}"
AGENTS = "schedule --requirements " + B + "good_requirements.csv --shifts data/shifts.toml --agents {file} --output {out}"
GAP = "callout --roster " + B + "good_roster.csv --gap {file} --agents data/agents.csv --output {out}"
ROSTER = "callout --roster {file} --gap " + B + "good_gap.csv --agents data/agents.csv --output {out}"
SPECIAL = "forecast --history data/bank_calls_5min.csv --special-days {file} --horizon 7d --output {out}"
SHIFTS = "schedule --requirements " + B + "good_requirements.csv --shifts {file} --output {out}"

# --- interval histories -------------------------------------------------------------------
rows = "".join(f"2025-03-03T{h:02d}:{m:02d}:00,{10+h}\n" for h in range(8, 12) for m in (0, 30))
case("history_year_9999.csv", H + "9999-03-03T08:00:00,5\n9999-03-03T08:30:00,5\n", AGG, "2:1")
case("history_year_0000.csv", H + "0000-03-03T08:00:00,5\n0000-03-03T08:30:00,5\n", AGG, "2:1")
case("history_year_1899.csv", H + rows.replace("2025-03-03T11:30", "1899-03-03T11:30"), AGG, "9:1")
case("history_duplicate.csv", H + rows + "2025-03-03T11:30:00,4\n", AGG, "10:1")
case("history_out_of_order.csv", H + "2025-03-03T09:00:00,5\n2025-03-03T08:30:00,5\n", AGG, "3:1")
case("history_off_grid.csv", H + "2025-03-03T08:00:00,5\n2025-03-03T08:30:00,5\n2025-03-03T09:10:00,5\n", AGG, "4:1")
case("history_negative.csv", H + "2025-03-03T08:00:00,5\n2025-03-03T08:30:00,-5\n", AGG, "3:21")
case("history_huge.csv", H + "2025-03-03T08:00:00,5\n2025-03-03T08:30:00,1e300\n", AGG, "3:21")
case("history_nan.csv", H + "2025-03-03T08:00:00,nan\n", AGG, "2:21")
case("history_inf.csv", H + "2025-03-03T08:00:00,inf\n2025-03-03T08:30:00,1\n", AGG, "2:21")
case("history_garbage.csv", H + "2025-03-03T08:00:00,12abc\n", AGG, "2:21")
case("history_bad_month.csv", H + "2025-13-03T08:00:00,5\n", AGG, "2:1")
case("history_31_april.csv", H + "2025-04-31T08:00:00,5\n", AGG, "2:1")
case("history_hour_24.csv", H + "2025-03-03T24:00:00,5\n", AGG, "2:1")
case("history_field_count.csv", H + "2025-03-03T08:00:00,5,7\n", AGG, "2:1")
case("history_unterminated_quote.csv", H + "2025-03-03T08:00:00,\"5\n", AGG, "2:21")
case("history_bad_quote.csv", H + "\"2025-03-03T08:00:00\"x,5\n", AGG, "2:22")
case("history_unknown_column.csv", "interval_start,calls,colour\n2025-03-03T08:00:00,5,red\n", AGG, "1:22")
case("history_duplicate_column.csv", "interval_start,calls,calls\n2025-03-03T08:00:00,5,5\n", AGG, "1:22")
case("history_single_row.csv", H + "2025-03-03T08:00:00,5\n", "staff --forecast {file} --aht 300 --output {out}", "2:1")
case("history_mixed_offsets.csv", H + "2025-03-03T08:00:00+01:00,5\n2025-03-03T08:30:00,5\n", AGG, "3:1")
case("history_offset_contradicts_zone.csv", H + "2025-03-03T08:00:00+02:00,5\n2025-03-03T08:30:00+02:00,5\n", AGGTZ, "2:1")
case("history_dst_gap.csv", H + "2025-03-30T01:30:00,5\n2025-03-30T02:30:00,5\n", AGGTZ, "3:1")
case("history_bad_interval_minutes.csv", "interval_start,interval_minutes,calls\n2025-03-03T08:00:00,0,5\n", AGG, "2:21")
case("history_interval_minutes_longer.csv", "interval_start,interval_minutes,calls\n2025-03-03T08:00:00,30,5\n2025-03-03T08:30:00,50,5\n", AGG, "3:21")
case("history_interval_minutes_text.csv", "interval_start,interval_minutes,calls\n2025-03-03T08:00:00,half,5\n", AGG, "2:21")
case("history_aht_negative.csv", "interval_start,calls,aht_seconds\n2025-03-03T08:00:00,5,-1\n2025-03-03T08:30:00,5,1\n", AGG, "2:23")
case("history_sl_above_one.csv", "interval_start,calls,service_level\n2025-03-03T08:00:00,5,1.5\n2025-03-03T08:30:00,5,1\n", AGG, "2:23")
case("history_not_utf8_queue.csv", b"interval_start,queue,calls\n2025-03-03T08:00:00,\xff\xfe,5\n2025-03-03T08:30:00,\xff\xfe,x\n", AGG, "2:21")
case("history_empty.csv", "", AGG, "1:1")
case("history_header_only.csv", H, AGG, "1:1")
case("history_too_short.csv", H + rows, FCST, "", 1)
# --- per-call logs ----------------------------------------------------------------------------
c = "2025-03-03T08:02:32+01:00,retail,108,1,0\n"
case("calls_year_9999.csv", CL + c + "9999-03-03T08:05:07+01:00,retail,100,1,0\n", AGG, "3:1")
case("calls_bad_timestamp.csv", CL + c + "yesterday,retail,100,1,0\n", AGG, "3:1")
case("calls_negative_handle.csv", CL + c + "2025-03-03T08:05:07+01:00,retail,-3,1,0\n", AGG, "3:34")
case("calls_huge_wait.csv", CL + c + "2025-03-03T08:05:07+01:00,retail,100,1e300,0\n", AGG, "3:38")
case("calls_bad_abandoned.csv", CL + c + "2025-03-03T08:05:07+01:00,retail,100,1,maybe\n", AGG, "3:40")
case("calls_field_count.csv", CL + c + "2025-03-03T08:05:07+01:00,retail,100\n", AGG, "3:1")
case("calls_unknown_column.csv", "arrived_at,colour\n2025-03-03T08:02:32+01:00,red\n", AGG, "1:12")
case("calls_mixed_offsets.csv", CL + c + "2025-03-03T08:05:07,retail,100,1,0\n", AGG, "3:1")
case("calls_contradicting_zone.csv", CL + "2025-03-03T08:02:32+05:00,retail,108,1,0\n", AGGTZ, "2:1")
case("calls_dst_gap.csv", CL.replace("+01:00", "") + "2025-03-30T02:15:00,retail,100,1,0\n", AGGTZ, "2:1")
case("calls_unterminated.csv", CL + "\"2025-03-03T08:02:32+01:00,retail,108,1,0\n", AGG, "2:1")
case("calls_nan_handle.csv", CL + c + "2025-03-03T08:05:07+01:00,retail,nan,1,0\n", AGG, "3:34")
case("calls_empty.csv", "", AGG, "1:1")
case("calls_header_only.csv", CL, AGG, "1:1")
case("calls_year_0000.csv", CL + "0000-01-01T00:00:00Z,retail,100,1,0\n", AGG, "2:1")
# --- forecasts (staff input) ------------------------------------------------------------------
f = "2025-03-03T08:00:00,30,all,250,230,270,240\n"
case("forecast_negative_calls.csv", FC + f + "2025-03-03T08:30:00,30,all,-1,0,0,240\n", STAFF, "3:28")
case("forecast_huge_calls.csv", FC + f + "2025-03-03T08:30:00,30,all,1e300,0,0,240\n", STAFF, "3:28")
case("forecast_huge_aht.csv", FC + f + "2025-03-03T08:30:00,30,all,10,0,0,1e300\n", STAFF, "3:")
case("forecast_bad_minutes.csv", FC + f + "2025-03-03T08:30:00,-30,all,10,0,0,240\n", STAFF, "3:21")
case("forecast_minutes_not_dividing_day.csv", FC + "2025-03-03T08:00:00,7,all,10,0,0,240\n", STAFF, "2:21")
case("forecast_single_row_no_minutes.csv", "interval_start,calls,aht_seconds\n2025-03-03T08:00:00,250,240\n", STAFF, "2:1")
case("forecast_duplicate.csv", FC + f + f, STAFF, "3:1")
case("forecast_out_of_order.csv", FC + "2025-03-03T08:30:00,30,all,250,230,270,240\n" + f, STAFF, "3:1")
case("forecast_offset_contradiction.csv", FC.replace("\n", "") + "\n2025-03-03T08:00:00+05:00,30,all,250,230,270,240\n",
     "staff --forecast {file} --aht 300 --timezone Europe/Berlin --output {out}", "2:1")
case("forecast_bad_timestamp.csv", FC + "2025-03-03 8:00,30,all,250,230,270,240\n", STAFF, "2:1")
case("forecast_year_9999.csv", FC + "9999-03-03T08:00:00,30,all,250,230,270,240\n", STAFF, "2:1")
case("forecast_field_count.csv", FC + "2025-03-03T08:00:00,30,all,250\n", STAFF, "2:1")
case("forecast_no_aht.csv", FC + "2025-03-03T08:00:00,30,all,250,230,270,\n", "staff --forecast {file} --output {out}", "", 2)
# --- staffing / requirements ------------------------------------------------------------------
r = "".join(f"2025-03-03T{h:02d}:{m:02d}:00,{3+h%3}\n" for h in range(8, 16) for m in (0, 30))
case("requirements_unsorted.csv", RQ + "2025-03-03T08:30:00,3\n2025-03-03T08:00:00,3\n", SCHED, "3:1")
case("requirements_missing_interval.csv", RQ + r.replace("2025-03-03T10:00:00,4\n", ""), SCHED, "6:1")
case("requirements_duplicate.csv", RQ + "2025-03-03T08:00:00,3\n2025-03-03T08:00:00,3\n", SCHED, "3:1")
case("requirements_fractional.csv", RQ + "2025-03-03T08:00:00,3.5\n2025-03-03T08:30:00,3\n", SCHED, "2:21")
case("requirements_negative.csv", RQ + "2025-03-03T08:00:00,-3\n2025-03-03T08:30:00,3\n", SCHED, "2:21")
case("requirements_huge.csv", RQ + "2025-03-03T08:00:00,1e300\n2025-03-03T08:30:00,3\n", SCHED, "2:21")
case("requirements_single_row.csv", RQ + "2025-03-03T08:00:00,3\n", SCHED, "2:1")
case("requirements_off_grid.csv", RQ + "2025-03-03T08:00:00,3\n2025-03-03T08:30:00,3\n2025-03-03T09:10:00,3\n", SCHED, "4:1")
case("requirements_year_0000.csv", RQ + "0000-03-03T08:00:00,3\n", SCHED, "2:1")
case("requirements_unknown_column.csv", "interval_start,required,colour\n2025-03-03T08:00:00,3,red\n", SCHED, "1:25")
case("requirements_missing_column.csv", "interval_start,agents_needed\n2025-03-03T08:00:00,3\n", SCHED, "1:")
case("requirements_mixed_offsets.csv", RQ + "2025-03-03T08:00:00+01:00,3\n2025-03-03T08:30:00,3\n", SCHED, "3:1")
case("requirements_empty.csv", "", SCHED, "1:1")
case("staffing_bad_scheduled.csv",
     "interval_start,interval_minutes,queue,calls,aht_seconds,agents,scheduled_agents\n"
     "2025-03-03T08:00:00,30,all,100,300,20,x\n", SCHED, "2:39")
case("staffing_minutes_too_long.csv",
     "interval_start,interval_minutes,queue,calls,aht_seconds,agents,scheduled_agents\n"
     "2025-03-03T08:00:00,30,all,100,300,20,25\n2025-03-03T08:30:00,60,all,100,300,20,25\n", SCHED, "3:")
# --- agents -------------------------------------------------------------------------------------
a = "c001,core,34,40,5,1.0,\n"
case("agents_duplicate_id.csv", AG + a + a, AGENTS, "3:1")
case("agents_empty_id.csv", AG + a + ",core,34,40,5,1.0,\n", AGENTS, "3:1")
case("agents_blank_id.csv", AG + a + "   ,core,34,40,5,1.0,\n", AGENTS, "3:1")
case("agents_not_utf8_id.csv", AG.encode() + a.encode() + b"\xc3\x28,core,34,40,5,1.0,\n", AGENTS, "3:1")
case("agents_unknown_pool.csv", AG + a + "c002,contractor,34,40,5,1.0,\n", AGENTS, "3:6")
case("agents_days_fraction.csv", AG + "c001,core,34,40,4.5,1.0,\n", AGENTS, "2:17")
case("agents_days_eight.csv", AG + "c001,core,34,40,8,1.0,\n", AGENTS, "2:17")
case("agents_hours_huge.csv", AG + "c001,core,34,1e300,5,1.0,\n", AGENTS, "2:14")
case("agents_bad_availability.csv", AG + "c001,core,34,40,5,1.0,Mon-Fri 7-15\n", AGENTS, "2:23")
case("agents_missing_column.csv", "agent_id,pool\nc001,core\n", AGENTS, "1:")
case("agents_empty.csv", "", AGENTS, "1:1")
case("agents_bad_weekend.csv", "agent_id,pool,min_hours_week,max_hours_week,max_days_week,cost_per_hour,weekend_day_off\n"
     "c001,core,34,40,5,1.0,sometimes\n", AGENTS, "2:23")
# --- gap / coverage files -------------------------------------------------------------------------
g = "2025-04-16T10:00:00+02:00,30,all,10,5,5\n2025-04-16T10:30:00+02:00,30,all,10,5,5\n"
case("gap_huge.csv", GP + g + "2025-04-16T11:00:00+02:00,30,all,10,5,1e300\n", GAP, "4:")
case("gap_duplicate.csv", GP + g + "2025-04-16T10:30:00+02:00,30,all,10,5,5\n", GAP, "4:1")
case("gap_out_of_order.csv", GP + g + "2025-04-16T09:30:00+02:00,30,all,10,5,5\n", GAP, "4:1")
case("gap_off_grid.csv", GP + g + "2025-04-16T11:10:00+02:00,30,all,10,5,5\n", GAP, "4:1")
case("gap_fraction.csv", GP + g + "2025-04-16T11:00:00+02:00,30,all,10,5,2.5\n", GAP, "4:")
case("gap_single_row_no_minutes.csv", "interval_start,gap\n2025-04-16T10:00:00+02:00,5\n", GAP, "2:1")
case("gap_empty.csv", "", GAP, "1:1")
case("gap_year_9999.csv", GP + "9999-04-16T10:00:00+02:00,30,all,10,5,5\n", GAP, "2:1")
case("gap_missing_columns.csv", "interval_start,required\n2025-04-16T10:00:00+02:00,5\n", GAP, "1:")
case("gap_nan.csv", GP + "2025-04-16T10:00:00+02:00,30,all,10,5,nan\n", GAP, "2:")
# --- rosters (callout input) -----------------------------------------------------------------------
case("roster_dev_null_like_empty.csv", "", ROSTER, "1:1")
case("roster_bad_shift_start.csv", RO + "x001,on_demand,2025-04-16,tomorrow,,,,4\n", ROSTER, "2:")
case("roster_huge_hours.csv", RO + "x001,on_demand,2025-04-16,2025-04-16T08:00:00+02:00,,,,1e300\n", ROSTER, "2:")
case("roster_empty_id.csv", RO + ",on_demand,2025-04-16,2025-04-16T08:00:00+02:00,,,,4\n", ROSTER, "2:1")
# --- special days ----------------------------------------------------------------------------------
case("special_year_9999.csv", SD + "9999-12-25,christmas,closed\n", SPECIAL, "2:1")
case("special_bad_kind.csv", SD + "2003-12-25,christmas,party\n", SPECIAL, "2:22")
case("special_bad_date.csv", SD + "25/12/2003,christmas,closed\n", SPECIAL, "2:1")
case("special_empty_label.csv", SD + "2003-12-25,,closed\n", SPECIAL, "2:12")
case("special_unknown_column.csv", "date,label,colour\n2003-12-25,x,red\n", SPECIAL, "1:12")
case("special_missing_label.csv", "date\n2003-12-25\n", SPECIAL, "1:")
case("special_field_count.csv", SD + "2003-12-25,christmas,closed,extra\n", SPECIAL, "2:1")
# --- shift templates at the CLI level (the shift reader's own fixtures live with it) -------------
case("shifts_bad_length.toml", '[[shift]]\nname = "x"\nlength = "8q"\nstart_step = "30m"\n', SHIFTS, "3:")
case("shifts_unclosed_table.toml", '[[shift\nname = "x"\n', SHIFTS, "1:")
case("shifts_bracket_equals.toml", "[=", SHIFTS, "1:")
case("shifts_misspelt_key.toml", '[[shift]]\nname = "x"\nlength = "8h"\nstart_stepp = "30m"\n', SHIFTS, "4:")
case("shifts_paid_yes.toml", '[[shift]]\nname = "x"\nlength = "8h"\nstart_step = "30m"\n[[shift.break]]\nlength = "30m"\npaid = "yes"\nwindow = ["3h", "5h"]\n', SHIFTS, "7:")
case("shifts_break_longer_than_shift.toml", '[[shift]]\nname = "x"\nlength = "2h"\nstart_step = "30m"\n[[shift.break]]\nlength = "3h"\npaid = false\nwindow = ["0h", "1h"]\n', SHIFTS, "")

good = {
    "good_requirements.csv": RQ + "".join(f"2025-03-0{d}T{h:02d}:{m:02d}:00,2\n" for d in (3, 4) for h in range(8, 18) for m in (0, 30)),
    "good_roster.csv": RO + "x001,on_demand,2025-04-15,2025-04-15T08:00:00+02:00,2025-04-15T12:00:00+02:00,,,4\n",
    "good_gap.csv": GP + g,
}
# Cases that need the crash-safe shift reader (the `toml` branch); the test runs them once it is merged.
needs_toml = {"shifts_bracket_equals.toml", "shifts_misspelt_key.toml", "shifts_paid_yes.toml",
              "shifts_break_longer_than_shift.toml"}

for name, text in good.items():
    with open(name, "w") as fh:
        fh.write(text)
with open("cases.tsv", "w") as m:
    m.write("file\tstatus\tlocation\tneeds\tcommand\n")
    for name, data, command, status, location in cases:
        with open(name, "wb") as fh:
            fh.write(data)
        m.write(f"{name}\t{status}\t{location}\t{'toml' if name in needs_toml else ''}\t{command}\n")
print(len(cases), "cases")
