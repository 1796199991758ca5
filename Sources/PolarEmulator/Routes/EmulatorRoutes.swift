import FoundationEssentials

/// Every route the emulator serves, one declaration each: method, path, scope, handler.
/// A new route is one line here and its handler (CONTRACT.md §2 lists Polar's).
enum EmulatorRoutes {
    static func table(api: EmulatorAPI, admin: AdminRoutes) -> RouteTable {
        RouteTable(routes: [
            .api("GET", "/v1/webhooks/endpoints", .read, api.listEndpoints),
            .api("POST", "/v1/webhooks/endpoints", .write, api.createEndpoint),
            .api("GET", "/v1/webhooks/endpoints/{id}", .read, api.getEndpoint),
            .api("PATCH", "/v1/webhooks/endpoints/{id}", .write, api.updateEndpoint),
            .api("DELETE", "/v1/webhooks/endpoints/{id}", .write, api.deleteEndpoint),
            .api("PATCH", "/v1/webhooks/endpoints/{id}/secret", .write, api.resetSecret),
            .api("GET", "/v1/webhooks/deliveries", .read, api.listDeliveries),
            .api("POST", "/v1/webhooks/events/{id}/redeliver", .write, api.redeliver),
            .api("GET", "/v1/organizations", .read, api.listOrganizations),

            .admin("GET", "/_emulator/health", admin.health),
            .admin("POST", "/_emulator/reset", admin.reset),
            .admin("POST", "/_emulator/trigger", admin.trigger),
        ])
    }
}
