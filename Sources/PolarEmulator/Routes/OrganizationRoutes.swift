import FoundationEssentials
import PolarAPI
import PolarJSON

extension EmulatorAPI {
    /// `GET /v1/organizations/`: the organizations the token sees, as full Polar objects (the
    /// official SDK requires every field).
    func listOrganizations(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        var errors: [ValidationItem] = []
        let page = page(request.query, errors: &errors)
        guard errors.isEmpty else { throw .requestValidation(errors) }
        var visible = EmulatorOrganizations.all.filter { request.caller.canSee(organization: $0.id) }
        if let slug = request.query.last("slug") { visible = visible.filter { $0.slug == slug } }
        let items = visible.enumerated().filter { page.contains(position: $0.offset) }.map {
            OrganizationJSON.object(
                for: $0.element, createdAt: startedAt.addingTimeInterval(Double($0.offset - 400) * 86_400))
        }
        let pagination = page.pagination(total: visible.count)
        let body: JSONValue = [
            "items": .array(items),
            "pagination": [
                "total_count": .int(pagination.totalCount), "max_page": .int(pagination.maxPage),
            ],
        ]
        return HTTPAnswer(status: 200, json: body)
    }
}

/// Polar's `Organization` schema with plausible values.
enum OrganizationJSON {
    static func object(for organization: EmulatorOrganizations.Info, createdAt: Date) -> JSONValue {
        let emailSettings: [(String, JSONValue)] = [
            "order_confirmation", "payment_method_expiration_reminder", "subscription_cancellation",
            "subscription_confirmation", "subscription_cycled", "subscription_cycled_after_trial",
            "subscription_past_due", "subscription_paused", "subscription_resumed",
            "subscription_renewal_reminder",
            "subscription_revoked", "subscription_trial_conversion_reminder", "subscription_uncanceled",
            "subscription_updated",
        ].map { ($0, .bool(true)) }
        return [
            "created_at": .string(PolarTimestamp.format(createdAt)),
            "modified_at": .null,
            "id": .string(organization.id),
            "name": .string(organization.name),
            "slug": .string(organization.slug),
            "avatar_url": .null,
            "proration_behavior": "prorate",
            "allow_customer_updates": true,
            "email": .string("support@\(organization.slug).example"),
            "website": .string("https://\(organization.slug).example/"),
            "socials": [],
            "status": "active",
            "details_submitted_at": .string(PolarTimestamp.format(createdAt.addingTimeInterval(3600))),
            "onboarding_resubmission_requested_at": .null,
            "sso_enforced": false,
            "default_presentment_currency": "usd",
            "default_tax_behavior": "location",
            "feature_settings": [
                "issue_funding_enabled": false, "wallets_enabled": false, "member_model_enabled": false,
                "checkout_localization_enabled": false, "overview_metrics": .null,
                "reset_proration_behavior_enabled": false, "off_session_charges_enabled": false,
                "meter_cycling_enabled": false, "slack_benefit_enabled": false,
                "preview_access_enabled": false,
                "disputes_enabled": false, "sso_enabled": false, "dispute_auto_accept_enabled": false,
                "compass_enabled": false, "merchant_migration_enabled": false,
                "frame_ancestors_enforced": false,
            ],
            "subscription_settings": [
                "allow_multiple_subscriptions": false, "proration_behavior": "prorate",
                "benefit_revocation_grace_period": 0, "prevent_trial_abuse": false,
                "allow_customer_updates": true,
            ],
            "customer_email_settings": .object(emailSettings),
            "customer_portal_settings": [
                "usage": ["show": true], "subscription": ["update_seats": true, "update_plan": true],
                "customer": ["allow_email_change": true],
            ],
            "dispute_settings": ["auto_accept_below_amount": .null],
            "embed_hosts": [],
            "country": "US",
            "account_id": .null,
            "payout_account_id": .null,
            "capabilities": [
                "checkout_payments": true, "subscription_renewals": true, "payouts": true, "refunds": true,
                "api_access": true, "dashboard_access": true,
            ],
        ]
    }
}
