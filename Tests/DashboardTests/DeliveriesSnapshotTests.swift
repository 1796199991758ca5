import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

/// The deliveries browser at 80×24 and 120×40, compared as text with Snapshots/deliveries_*.txt.
@Suite struct DeliveriesSnapshotTests {
    func check(
        _ name: String, _ make: (Size) -> DashboardState, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for size in SnapshotTests.sizes {
            expectSnapshot(
                render(make(size)), named: "\(name)_\(size.width)x\(size.height)", sourceLocation: sourceLocation)
        }
    }

    @Test func list() {
        check("deliveries") { DeliveryFixtures.browsing(width: $0.width, height: $0.height) }
    }

    @Test func loading() {
        check("deliveries_loading") { size in
            var state = Fixtures.state(width: size.width, height: size.height)
            state.press(.character("D"))
            return state
        }
    }

    @Test func filteredAndEmpty() {
        check("deliveries_filtered_empty") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.character("f"))
            state.press(.character("c"))
            state.press(.character("/"))
            state.type("abc")
            let effects = state.press(.enter)
            DeliveryFixtures.answer(&state, effects, with: [])
            return state
        }
    }

    @Test func detail() {
        check("deliveries_detail") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.enter)
            return state
        }
    }

    @Test func detailOfFailure() {
        check("deliveries_detail_failed") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.character("j"), .enter)
            return state
        }
    }

    @Test func detailOfArchivedEvent() {
        check("deliveries_detail_archived") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.character("G"), .enter)
            return state
        }
    }

    @Test func eventTypePicker() {
        check("deliveries_type_picker") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.character("T"), .character("j"), .character(" "), .character("j"))
            return state
        }
    }

    @Test func eventTypePickerNarrowedByText() {
        check("deliveries_type_picker_filtered") { size in
            var state = DeliveryFixtures.browsing(width: size.width, height: size.height)
            state.press(.character("T"), .character("/"))
            state.type("subscr")
            return state
        }
    }
}
