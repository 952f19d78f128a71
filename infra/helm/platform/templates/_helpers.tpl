{{/* Names and labels shared by every manifest of the chart. */}}

{{- define "platform.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's name, or release-chart when the release's name does not contain the chart's; 63 characters. */}}
{{- define "platform.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "platform.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels that select the serving pods (Deployment, Service, PDB); the migration Job's pods do not match them. */}}
{{- define "platform.selectorLabels" -}}
app.kubernetes.io/name: {{ include "platform.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: web
{{- end -}}

{{- define "platform.commonLabels" -}}
helm.sh/chart: {{ include "platform.chart" . }}
app.kubernetes.io/name: {{ include "platform.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "platform.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: jobcenter-plattform
{{- end -}}

{{- define "platform.labels" -}}
{{ include "platform.commonLabels" . }}
app.kubernetes.io/component: web
{{- end -}}

{{- define "platform.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "platform.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "platform.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{- define "platform.image" -}}
{{- $repository := required "image.repository is required: the image built by dotnet publish /t:PublishContainer (jobcenter-plattform), with its registry" .Values.image.repository -}}
{{- printf "%s:%s" $repository (include "platform.imageTag" .) -}}
{{- end -}}

{{/* The Secret with the nodes' keys: the chart's own, or values.secrets.existingSecret. */}}
{{- define "platform.secretName" -}}
{{- default (include "platform.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* The Secret with the owner's connection string, for the migration Job only. */}}
{{- define "platform.migrationsSecretName" -}}
{{- if .Values.secrets.existingMigrationsSecret -}}
{{- .Values.secrets.existingMigrationsSecret -}}
{{- else if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-migrations" (include "platform.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "platform.dataProtectionSecretName" -}}
{{- if .Values.dataProtection.existingSecret -}}
{{- .Values.dataProtection.existingSecret -}}
{{- else -}}
{{- $_ := required "dataProtection.certificate (base64 of the .pfx) or dataProtection.existingSecret is required: Production does not start without the Data Protection certificate" .Values.dataProtection.certificate -}}
{{- printf "%s-dataprotection" (include "platform.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/*
The pod and container security settings of the nodes and of the migration Job: the image's non-root user, a read-only
root file system (only /tmp is writable, an emptyDir), no privilege escalation, no capabilities, the runtime's seccomp
profile.
*/}}
{{- define "platform.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ int .Values.uid }}
runAsGroup: {{ int .Values.gid }}
fsGroup: {{ int .Values.gid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "platform.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ int .Values.uid }}
runAsGroup: {{ int .Values.gid }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}
