using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Application.Common;

/// <summary>A code to copy, on a line of its own.</summary>
public sealed record EmailCode(string Value) : EmailBlock;
