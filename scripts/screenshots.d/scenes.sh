# The six scenes, in order. Sourced by scripts/screenshots once the terminal is up; uses
# keys, literal, wait_for_text and shoot from there. The demo data is fixed (7 endpoints of
# Acme Demo), so each step can wait for the exact text it produces. The form comes last, so
# no status message ("Discarded the changes.") shows in the other pictures.

# 1. The list with the detail pane of the selected endpoint.
wait_for_text "7 endpoints"
wait_for_text "Signing"
wait_for_text "failing 6/10"
wait_for_text "auto-disabled"
wait_for_text "updated"
shoot dashboard

# 2. A confirmation dialog: d on the second endpoint asks before deleting it.
keys j d
wait_for_text "Delete Team Discord?"
shoot dialog
keys Escape
wait_for_text "n new"

# 3. The help overlay.
keys '?'
wait_for_text "this help"
shoot help
keys Escape
wait_for_text "n new"

# 4. The deliveries browser of the selected endpoint, with a failed delivery's detail.
keys D
wait_for_text "Deliveries of"
wait_for_text "failed"
shoot deliveries
keys Escape
wait_for_text "n new"

# 4b. Health: the failing sample endpoint selected, its Health section in the detail pane.
keys /
literal "Inventory"
keys Enter
wait_for_text "1 of 7 endpoints"
wait_for_text "Health"
shoot health
keys Escape
wait_for_text "7 endpoints"

# 5. The new-endpoint form: URL and name typed, the event picker open, the Order group and
#    two Subscription events chosen.
keys n
wait_for_text "New endpoint"
literal "https://hooks.acme.dev/polar/orders"
keys Tab
literal "Order pipeline"
keys Tab Tab Tab
wait_for_text "0 of 42 selected"
keys j j j j j j j Space Enter   # Order: the whole group, unfolded
wait_for_text "order.refunded"
keys j j j j j j j j j Enter j Space j j Space   # Subscription: unfold, active and created
wait_for_text "6 of 42 selected"
shoot form
