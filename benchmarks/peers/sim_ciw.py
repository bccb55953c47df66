"""Peer for the simulation benchmark: the same M/M/50+M queue in Ciw (reneging distributions).
1,400 calls per hour, AHT 120 s, patience 180 s, 50 agents, 8 hours per replication;
replications until about N calls (default 100,000). Prints calls per second and the service
level / abandon rate as a sanity check."""
import sys, time
import ciw

target = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
LAM, AHT, PAT, N, HOURS, T = 1400 / 3600, 120.0, 180.0, 50, 8, 20.0

network = ciw.create_network(
    arrival_distributions=[ciw.dists.Exponential(rate=LAM)],
    service_distributions=[ciw.dists.Exponential(rate=1 / AHT)],
    number_of_servers=[N],
    reneging_time_distributions=[ciw.dists.Exponential(rate=1 / PAT)],
)
t0 = time.perf_counter()
c0 = time.process_time()
calls = within = abandoned = 0
seed = 0
while calls < target:
    ciw.seed(seed)
    seed += 1
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(HOURS * 3600 + 7200)
    for r in sim.get_all_records():
        if r.arrival_date >= HOURS * 3600:
            continue
        calls += 1
        if r.record_type == "renege":
            abandoned += 1
        elif r.waiting_time <= T:
            within += 1
t1 = time.perf_counter()
c1 = time.process_time() - c0
print(f"Ciw {ciw.__version__} M/M/50+M calls={calls} seconds={t1 - t0:.3f} calls_per_s={calls / (t1 - t0):.0f} "
      f"cpu_seconds={c1:.3f} calls_per_cpu_s={calls / c1:.0f} "
      f"SL={within / calls:.3f} abandon={abandoned / calls:.3f}")
