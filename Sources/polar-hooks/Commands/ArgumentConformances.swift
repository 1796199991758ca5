import ArgumentParser
import PolarAPI

extension WebhookFormat: ExpressibleByArgument {}

extension DeliveryFilter.HTTPCodeClass: ExpressibleByArgument {}
