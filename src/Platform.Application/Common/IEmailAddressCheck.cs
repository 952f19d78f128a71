namespace Platform.Application.Common;

/// <summary>
/// Port: can the platform's mail server deliver to this address at all? An address whose local part has characters
/// outside ASCII (RFC 6531) needs a server that offers SMTPUTF8; asking at the moment the address is given turns a
/// message that could never be sent into a clear answer to the person who typed it.
/// </summary>
public interface IEmailAddressCheck
{
    Task<bool> CanDeliverAsync(string address, CancellationToken cancellationToken);
}
