"""Peer for the simulation benchmark: the same M/M/50+M queue in SimPy (the standard
`request() | timeout(patience)` reneging pattern). 1,400 calls per hour, AHT 120 s, patience
180 s, 50 agents, 8 hours per replication; replications until about N calls (default 200,000).
Prints calls per second and the service level / abandon rate as a sanity check."""
import random, sys, time
import simpy

target = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
LAM, AHT, PAT, N, HOURS, T = 1400 / 3600, 120.0, 180.0, 50, 8, 20.0


def replication(seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=N)
    stats = {"offered": 0, "within": 0, "abandoned": 0}

    def call(env):
        arrived = env.now
        with agents.request() as req:
            res = yield req | env.timeout(rng.expovariate(1 / PAT))
            if req in res:
                if env.now - arrived <= T:
                    stats["within"] += 1
                yield env.timeout(rng.expovariate(1 / AHT))
            else:
                stats["abandoned"] += 1

    def source(env):
        while True:
            yield env.timeout(rng.expovariate(LAM))
            if env.now >= HOURS * 3600:
                return
            stats["offered"] += 1
            env.process(call(env))

    env.process(source(env))
    env.run()
    return stats


t0 = time.perf_counter()
c0 = time.process_time()
calls = within = abandoned = 0
seed = 0
while calls < target:
    s = replication(seed)
    seed += 1
    calls += s["offered"]
    within += s["within"]
    abandoned += s["abandoned"]
t1 = time.perf_counter()
c1 = time.process_time() - c0
print(f"SimPy {simpy.__version__} M/M/50+M calls={calls} seconds={t1 - t0:.3f} calls_per_s={calls / (t1 - t0):.0f} "
      f"cpu_seconds={c1:.3f} calls_per_cpu_s={calls / c1:.0f} "
      f"SL={within / calls:.3f} abandon={abandoned / calls:.3f}")
