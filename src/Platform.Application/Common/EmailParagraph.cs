using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Application.Common;

public sealed record EmailParagraph(string Text) : EmailBlock;
