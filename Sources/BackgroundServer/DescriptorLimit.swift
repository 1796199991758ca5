#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's limit on open descriptors, which a server's connection limit must fit under:
/// a server that runs out of descriptors can accept nothing, not even an honest client.
enum DescriptorLimit {
    /// Descriptors left for everything else the program opens (files, outgoing connections).
    static let reserve = 128

    /// Raises the soft limit (never above the hard one) so that `connections` fit beside the
    /// reserve, and returns how many do.
    static func fit(_ connections: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return connections }
        let wanted = rlim_t(connections + reserve)
        if limit.rlim_cur != unlimited, limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = limit.rlim_max == unlimited ? wanted : min(wanted, limit.rlim_max)
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        guard limit.rlim_cur != unlimited else { return connections }
        return max(1, min(connections, Int(limit.rlim_cur) - reserve))
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif

    /// `RLIM_INFINITY`, which Swift cannot import from glibc (it is `-1` cast to unsigned).
    private static let unlimited = rlim_t.max
}
