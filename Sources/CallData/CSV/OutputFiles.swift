#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The outputs of one command, written all-or-nothing: every file is first written in full to
/// a temporary file beside its target and flushed; only when all are written are they renamed
/// over their targets. If any write fails, the temporaries are removed and every old output is
/// left untouched byte for byte. If a rename fails part-way (rare: the folder vanished), the
/// outputs already replaced are restored from hard-link backups taken before the first rename.
///
/// Use one `OutputFiles` per command run: `add` each output, then `commit()` once.
public struct OutputFiles: Sendable {
    private var pending: [(path: String, bytes: [UInt8])] = []

    /// No outputs yet.
    public init() {}

    /// Schedules `bytes` to be written to `path`.
    public mutating func add(_ bytes: [UInt8], to path: String) { pending.append((path, bytes)) }

    /// Schedules a CSV to be written to `path`.
    public mutating func add(_ writer: CSVWriter, to path: String) { add(writer.bytes, to: path) }

    /// Writes every scheduled file, all or none.
    /// - Throws: `CallDataError.unwritable` naming the file that failed; no target has changed then.
    public func commit() throws(CallDataError) {
        var temporaries: [String] = []
        func discard() { for t in temporaries { unlink(t) } }
        for (path, bytes) in pending {
            do {
                temporaries.append(try FileBytes.writeTemporary(bytes, for: path))
            } catch {
                discard()
                throw error
            }
        }
        // Backups of existing targets, so a failed rename can be undone.
        var backups: [String?] = []
        for (path, _) in pending {
            let backup = FileBytes.temporaryName(for: path, tag: "bak")
            unlink(backup)
            backups.append(link(path, backup) == 0 ? backup : nil)
        }
        func dropBackups() { for b in backups { if let b { unlink(b) } } }
        for (k, (path, _)) in pending.enumerated() where rename(temporaries[k], path) != 0 {
            let reason = String(cString: strerror(errno))
            for j in 0..<k {  // undo the renames already done
                if let b = backups[j] { rename(b, pending[j].path) } else { unlink(pending[j].path) }
            }
            discard()
            dropBackups()
            throw .unwritable(file: path, reason: reason)
        }
        dropBackups()
    }

    /// The first output that names the same file as an input or as an earlier output (same device
    /// and inode, or the same path), as `(output, other)`; `nil` when all are distinct.
    public static func clash(outputs: [String], inputs: [String]) -> (output: String, other: String)? {
        func identity(_ path: String) -> (UInt64, UInt64)? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            return (UInt64(st.st_dev), UInt64(st.st_ino))
        }
        var seen: [(path: String, id: (UInt64, UInt64)?)] = inputs.map { ($0, identity($0)) }
        for out in outputs {
            let id = identity(out)
            for other in seen {
                if other.path == out { return (out, other.path) }
                if let a = id, let b = other.id, a == b { return (out, other.path) }
            }
            seen.append((out, id))
        }
        return nil
    }
}
