using System.Diagnostics.CodeAnalysis;

// "Shared" is a Visual Basic keyword (CA1716), but this front end is consumed by nothing but its own host, in C#; the
// folder name is the one the feature layout gives the components several features use (docs/architecture.md).
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Platform.Web.Components.Shared", Justification = "Consumed only from C#.")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Platform.Web.Components.Shared.Forms", Justification = "Consumed only from C#.")]
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Platform.Web.Components.Shared.Layout", Justification = "Consumed only from C#.")]
