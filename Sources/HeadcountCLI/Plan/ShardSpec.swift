import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which slice of the queues one process plans: shard `index` of `count` (0-based).
///
/// A queue belongs to shard `FNV-1a-64(UTF-8 name) mod count`: stable across machines, runs and
/// config order, so a shard rerun after a crash plans exactly the same queues.
struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    var index: Int
    var count: Int

    var description: String { "\(index)/\(count)" }
    /// File name of the shard's completion record.
    var recordName: String { "\(index)-of-\(count).txt" }

    func contains(_ queue: String) -> Bool { Int(Self.fnv1a(queue) % UInt64(count)) == index }

    /// 64-bit FNV-1a (Fowler–Noll–Vo) of the UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Largest shard count accepted.
    static let maximumCount = 100_000

    /// Parses `i/n` with `0 ≤ i < n`.
    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        guard let s = ShardSpec(index: i, count: n) else { return nil }
        self = s
    }

    init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// The shard from a batch engine's array variables, when one is set:
    /// `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job; count from `countOverride`),
    /// `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` of `SLURM_ARRAY_TASK_COUNT`,
    /// `AWS_BATCH_JOB_ARRAY_INDEX` of `AWS_BATCH_JOB_ARRAY_SIZE`.
    /// - Throws: `UsageError` naming the variable when one is set but unusable.
    static func fromEnvironment(countOverride: Int?, environment: (String) -> String? = Self.variable) throws
        -> ShardSpec?
    {
        func integer(_ name: String) throws -> Int? {
            guard let text = environment(name) else { return nil }
            guard let v = Int(text.trimmingWhitespace()) else {
                throw UsageError("environment variable \(name)='\(text)' is not a whole number")
            }
            return v
        }
        var found: (index: Int, count: Int?, source: String)? = nil
        if let i = try integer("JOB_COMPLETION_INDEX") {
            found = (i, nil, "JOB_COMPLETION_INDEX")
        } else if let id = try integer("SLURM_ARRAY_TASK_ID") {
            found = (
                id - (try integer("SLURM_ARRAY_TASK_MIN") ?? 0), try integer("SLURM_ARRAY_TASK_COUNT"),
                "SLURM_ARRAY_TASK_ID"
            )
        } else if let i = try integer("AWS_BATCH_JOB_ARRAY_INDEX") {
            found = (i, try integer("AWS_BATCH_JOB_ARRAY_SIZE"), "AWS_BATCH_JOB_ARRAY_INDEX")
        }
        guard let found else { return nil }
        guard let count = countOverride ?? found.count else {
            throw UsageError(
                "\(found.source) is set but the shard count is not; pass --shards N (the job's parallelism)")
        }
        guard let spec = ShardSpec(index: found.index, count: count) else {
            throw UsageError("\(found.source) gives shard \(found.index) of \(count); expected 0 ≤ index < count")
        }
        return spec
    }

    static func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}
