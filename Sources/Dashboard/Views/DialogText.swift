import TerminalText
import TerminalUI

/// The words of each confirmation. Each names the endpoint it acts on.
enum DialogText {
    static func dialog(for confirmation: Confirmation, state: DashboardState) -> Dialog {
        var dialog: Dialog
        switch confirmation.kind {
        case .delete(let id):
            let name = endpointName(state, id: id)
            dialog = Dialog(
                title: "Delete endpoint",
                message:
                    "Delete \(name)? No new events go to it, but retries of earlier ones still do "
                    + "(disable it first to stop them). This cannot be undone.",
                yesLabel: "Delete", isDestructive: true)
        case .resetSecret(let id):
            let name = endpointName(state, id: id)
            dialog = Dialog(
                title: "Reset secret",
                message:
                    "Reset the signing secret of \(name)? The old secret stops working at once, retries "
                    + "included. The new one signs the Standard Webhooks way (base64 key after whsec_): "
                    + "update your receiver before the next event.",
                yesLabel: "Reset", isDestructive: true)
        case .setEnabled(let id, let enabled):
            let name = endpointName(state, id: id)
            dialog = Dialog(
                title: enabled ? "Enable endpoint" : "Disable endpoint",
                message: enabled
                    ? "Enable \(name)? Polar starts sending it events again."
                    : "Disable \(name)? Polar stops sending it events until you enable it again.",
                yesLabel: enabled ? "Enable" : "Disable", isDestructive: !enabled)
        case .redeliverFailed(let events, let skipped, let endpoint):
            let skippedText =
                skipped == 0
                ? ""
                : " \(counted(skipped, "archived event")) cannot be sent and \(skipped == 1 ? "is" : "are") skipped."
            dialog = Dialog(
                title: "Redeliver failed events",
                message:
                    "Redeliver \(counted(events.count, "failed event")) to \(Sanitizer.clean(endpoint))? Polar sends "
                    + "\(events.count == 1 ? "it" : "each") again as a new delivery.\(skippedText)",
                yesLabel: "Redeliver")
        case .discardForm:
            dialog = Dialog(
                title: "Discard changes", message: "Leave the form? What you typed is lost.",
                yesLabel: "Discard",
                isDestructive: true)
        case .quitWithChanges:
            dialog = Dialog(
                title: "Quit", message: "Quit? The form has changes that are not saved.", yesLabel: "Quit")
        }
        dialog.yesFocused = confirmation.yesFocused
        return dialog
    }
}
