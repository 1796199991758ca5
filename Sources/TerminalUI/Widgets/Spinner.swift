/// A one-cell activity indicator. The frame is chosen from a tick the caller supplies (for
/// example tenths of a second), so drawing stays pure and a snapshot is stable.
public enum Spinner {
    public static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The frame for `tick`; any integer works, negative ones included.
    public static func frame(at tick: Int) -> String {
        let count = frames.count
        return frames[((tick % count) + count) % count]
    }
}
