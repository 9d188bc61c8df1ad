{{- define "asb.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "asb.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* dict "root" . "component" "api" */}}
{{- define "asb.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "asb.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "asb.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "asb.image" -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end -}}

{{- define "asb.directoryConfigMap" -}}
{{- if .Values.directory.existingConfigMap -}}
{{- .Values.directory.existingConfigMap -}}
{{- else -}}
{{- printf "%s-directory" (include "asb.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* Kubernetes may kill a pod only after it has waited for the load balancers and drained. */}}
{{- define "asb.terminationGracePeriodSeconds" -}}
{{- add .Values.preStopSleepSeconds .Values.shutdownGraceSeconds .Values.terminationMarginSeconds -}}
{{- end -}}

{{/* Refuses values that would deploy something that cannot work, at `helm install` time. */}}
{{- define "asb.validate" -}}
{{- if not .Values.existingSecret -}}
{{- fail "existingSecret: name the Secret holding DATABASE_URL, SMTP_URL and SESSION_SECRET (docs/deploy.md)" -}}
{{- end -}}
{{- if and (not .Values.directory.existingConfigMap) (not .Values.directory.inline) -}}
{{- fail "directory: give existingConfigMap (a ConfigMap with directory.json) or inline" -}}
{{- end -}}
{{- if not .Values.config.oidc.issuer -}}
{{- fail "config.oidc.issuer: a cluster needs an identity provider (the development issuer is local only)" -}}
{{- end -}}
{{- if .Values.temporal.cloud -}}
{{- if and (not .Values.temporal.tls.existingSecret) (not .Values.temporal.apiKey.existingSecret) -}}
{{- fail "temporal.cloud: give temporal.tls.existingSecret (mTLS) or temporal.apiKey.existingSecret" -}}
{{- end -}}
{{- if contains ".svc" .Values.temporal.address -}}
{{- fail "temporal.cloud: temporal.address is still a cluster service; give the Cloud endpoint" -}}
{{- end -}}
{{- end -}}
{{- if le (int .Values.shutdownGraceSeconds) 0 -}}
{{- fail "shutdownGraceSeconds must be at least 1" -}}
{{- end -}}
{{- end -}}

{{/* Environment of every process: the chart's ConfigMap, the operator's Secret, Temporal's credentials. */}}
{{- define "asb.envFrom" -}}
- configMapRef:
    name: {{ include "asb.fullname" . }}-env
- secretRef:
    name: {{ .Values.existingSecret }}
{{- end -}}

{{- define "asb.temporalEnv" -}}
{{- if .Values.temporal.tls.existingSecret }}
- name: TEMPORAL_TLS_CERT_PATH
  value: /etc/asb/temporal-tls/tls.crt
- name: TEMPORAL_TLS_KEY_PATH
  value: /etc/asb/temporal-tls/tls.key
{{- if .Values.temporal.tls.hasCa }}
- name: TEMPORAL_TLS_CA_PATH
  value: /etc/asb/temporal-tls/ca.crt
{{- end }}
{{- end }}
{{- if .Values.temporal.apiKey.existingSecret }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.temporal.apiKey.existingSecret }}
      key: {{ .Values.temporal.apiKey.key }}
{{- end }}
{{- end -}}

{{- define "asb.volumes" -}}
- name: tmp
  emptyDir: {}
- name: directory
  configMap:
    name: {{ include "asb.directoryConfigMap" . }}
{{- if .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  secret:
    secretName: {{ .Values.temporal.tls.existingSecret }}
{{- end }}
{{- end -}}

{{- define "asb.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: directory
  mountPath: /etc/asb/directory
  readOnly: true
{{- if .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  mountPath: /etc/asb/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/*
A Deployment of one component. dict:
  root, component (worker|api|console), values (that component's values), command (the entrypoint's word),
  port, portName, cpuRequest, memoryRequest, memoryLimit.
*/}}
{{- define "asb.deployment" -}}
{{- $root := .root -}}
{{- $v := .values -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "asb.fullname" $root }}-{{ .component }}
  labels:
    {{- include "asb.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "asb.selectorLabels" (dict "root" $root "component" .component) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "asb.labels" $root | nindent 8 }}
        app.kubernetes.io/component: {{ .component }}
      annotations:
        checksum/env: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        {{- /* The worker and the API serve /metrics on their own port; the console does not. */}}
        {{- if and $root.Values.metrics.podAnnotations (ne .component "console") }}
        prometheus.io/scrape: "true"
        prometheus.io/port: {{ .port | quote }}
        prometheus.io/path: /metrics
        {{- end }}
    spec:
      serviceAccountName: {{ include "asb.serviceAccountName" $root }}
      automountServiceAccountToken: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ include "asb.terminationGracePeriodSeconds" $root }}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "asb.selectorLabels" (dict "root" $root "component" .component) | nindent 20 }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "asb.image" $root }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args: [{{ .command | quote }}]
          ports:
            - name: {{ .portName }}
              containerPort: {{ .port }}
              protocol: TCP
          envFrom:
            {{- include "asb.envFrom" $root | nindent 12 }}
          {{- with include "asb.temporalEnv" $root | trim }}
          env:
            {{- . | nindent 12 }}
          {{- end }}
          resources:
            requests:
              cpu: {{ .cpuRequest }}
              memory: {{ .memoryRequest }}
            limits:
              cpu: {{ $v.cpuLimit | quote }}
              memory: {{ .memoryLimit }}
          startupProbe:
            httpGet:
              path: /health/live
              port: {{ .portName }}
            {{- toYaml $root.Values.probes.startup | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /health
              port: {{ .portName }}
            {{- toYaml $root.Values.probes.readiness | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /health/live
              port: {{ .portName }}
            {{- toYaml $root.Values.probes.liveness | nindent 12 }}
          lifecycle:
            preStop:
              exec:
                command: ["sleep", {{ $root.Values.preStopSleepSeconds | quote }}]
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            {{- include "asb.volumeMounts" $root | nindent 12 }}
      volumes:
        {{- include "asb.volumes" $root | nindent 8 }}
{{- end -}}

{{/* dict "root" . "component" "api" "values" .Values.api */}}
{{- define "asb.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "asb.fullname" .root }}-{{ .component }}
  labels:
    {{- include "asb.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  {{- if hasKey .values.pdb "maxUnavailable" }}
  maxUnavailable: {{ .values.pdb.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .values.pdb.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "asb.selectorLabels" (dict "root" .root "component" .component) | nindent 6 }}
{{- end -}}

{{- define "asb.hpa" -}}
{{- if .values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "asb.fullname" .root }}-{{ .component }}
  labels:
    {{- include "asb.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "asb.fullname" .root }}-{{ .component }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end -}}

{{- define "asb.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "asb.fullname" .root }}-{{ .component }}
  labels:
    {{- include "asb.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  type: {{ .type }}
  selector:
    {{- include "asb.selectorLabels" (dict "root" .root "component" .component) | nindent 4 }}
  ports:
    - name: {{ .portName }}
      port: {{ .port }}
      targetPort: {{ .portName }}
      protocol: TCP
{{- end -}}
