"""Availability windows as written in agents.csv (`Mon-Fri 07:00-15:00;Sat 09:00-13:00`), parsed
independently of Headcount for the peer scripts."""
NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def allowed(avail, weekday, start_minute, length_minutes):
    """Whether a shift starting `start_minute` after midnight on `weekday` (0 = Monday) for
    `length_minutes` fits one window; an empty availability allows everything."""
    if not avail:
        return True
    for part in avail.split(";"):
        dspec, tspec = part.split()
        days = set()
        for tok in dspec.split(","):
            ends = [NAMES.index(x.lower()) for x in tok.split("-")]
            days |= set(range(ends[0], ends[-1] + 1))
        a, b = [int(x[:2]) * 60 + int(x[3:]) for x in tspec.split("-")]
        if weekday in days and a <= start_minute and start_minute + length_minutes <= b:
            return True
    return False
