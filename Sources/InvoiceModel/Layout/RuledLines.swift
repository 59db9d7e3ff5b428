/// The printed straight lines of a page (table rules and frames), found by image analysis.
public struct RuledLines: Sendable, Hashable {
    /// A straight line segment: `position` is its y (horizontal) or x (vertical), `start`…`end` its extent
    /// along the other axis.
    public struct Segment: Sendable, Hashable {
        /// y of a horizontal segment, x of a vertical one (centre of the stroke).
        public var position: Int
        /// First pixel along the segment.
        public var start: Int
        /// Last pixel along the segment (exclusive).
        public var end: Int

        /// Creates a segment.
        public init(position: Int, start: Int, end: Int) {
            self.position = position
            self.start = start
            self.end = end
        }

        /// Length in pixels.
        public var length: Int { end - start }

        /// Whether the segment covers `coordinate` along its length, allowing `tolerance` pixels.
        public func spans(_ coordinate: Int, tolerance: Int = 0) -> Bool {
            coordinate >= start - tolerance && coordinate <= end + tolerance
        }
    }

    /// Horizontal segments, top to bottom.
    public var horizontal: [Segment]
    /// Vertical segments, left to right.
    public var vertical: [Segment]

    /// Creates a set of rules, sorting them by position.
    public init(horizontal: [Segment], vertical: [Segment]) {
        self.horizontal = horizontal.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        self.vertical = vertical.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
    }

    /// No rules at all.
    public static let none = RuledLines(horizontal: [], vertical: [])
}
