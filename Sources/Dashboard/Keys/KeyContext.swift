/// Where the user is, for choosing the key table's sections.
enum KeyContext: Hashable, Sendable {
    case global, always, lists, endpoints, form, textField, choice, secret, picker, dialog, help,
        filter, deliveries, deliveryDetail, deliverySearch, eventTypePicker
}
