import PolarAPI

/// Saves a checked token in a profile, the way `login` and the dashboard's first run do.
enum TokenSaver {
    /// Writes the token and the server it was checked against into the profile; the profile
    /// becomes the default when there is none yet.
    static func save(token: String, settings: ConnectionSettings, store: ConfigStore) throws(CLIError) {
        var config = try store.load()
        var profile = config.profiles[settings.profileName] ?? ConfigFile.Profile()
        profile.token = token
        switch settings.environment {
        case .custom(let url):
            profile.apiURL = url
            profile.environment = nil
        case .production, .sandbox:
            profile.environment = settings.environment.description
            profile.apiURL = nil
        }
        if let organizationID = settings.organizationID { profile.organizationID = organizationID }
        config.profiles[settings.profileName] = profile
        if config.defaultProfile.map({ config.profiles[$0] == nil }) ?? true {
            config.defaultProfile = settings.profileName
        }
        try store.save(config)
    }
}
