public enum PricingPlaceholder {}
