# The four scenes, in order. Sourced by scripts/screenshots after the terminal is up; uses
# keys, literal, wait_for_text and shoot from there.

# 1. The list with the detail pane of the selected endpoint.
wait_for_text "endpoints"
wait_for_text "Signing"
shoot dashboard

# 2. The new-endpoint form, URL and name typed, the event picker open with some events chosen.
keys n
wait_for_text "New endpoint"
literal "https://hooks.acme.dev/polar/orders"
keys Tab
literal "Order pipeline"
keys Tab Tab Tab
wait_for_text "of 42 selected"
keys / 
literal "order"
keys Enter
keys Space
wait_for_text "4 of 42 selected"
shoot form

# 3. A confirmation dialog: leave the form (discarding it), then ask to delete an endpoint.
keys Escape
keys Escape
wait_for_text "Discard"
keys y
wait_for_text "n new"
keys d
wait_for_text "Delete"
shoot dialog

# 4. The help overlay.
keys Escape
keys '?'
wait_for_text "help"
shoot help
