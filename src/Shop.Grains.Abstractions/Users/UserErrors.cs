using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>Account errors answered both by the API node (checked early, to spare a hash) and by the grains.</summary>
public static class UserErrors
{
    public static ShopError EmailTaken() => ShopError.Conflict(ErrorCodes.EmailTaken, "An account with this email already exists.",
        errors: new() { ["email"] = ["An account with this email already exists."] });
}
