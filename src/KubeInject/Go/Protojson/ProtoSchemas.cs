using K = KubeInject.Go.Protojson.ProtoFieldKind;

namespace KubeInject.Go.Protojson;

/// <summary>
/// The protobuf schemas KubeInject needs: <c>istio.mesh.v1alpha1.ProxyConfig</c> (complete, at istio/api's 1.23
/// pin, in declaration order because jsonpb writes fields in that order) and the typed parts of
/// <c>MeshConfig</c> (the rest is passed through as given).
/// </summary>
internal static class ProtoSchemas
{
    private static ProtoField F(string name, K kind) => new(name, kind);
    private static ProtoField M(string name, ProtoMessage message, string? oneof = null) => new(name, K.Message, message, null, oneof);
    private static ProtoField E(string name, (string, int)[] values, string? oneof = null, K kind = K.Enum) => new(name, kind, null, values, oneof);

    /// <summary><c>AuthenticationPolicy</c>.</summary>
    public static readonly (string, int)[] AuthenticationPolicy = [("NONE", 0), ("MUTUAL_TLS", 1), ("INHERIT", 1000)];

    /// <summary><c>ProxyConfig.InboundInterceptionMode</c>.</summary>
    public static readonly (string, int)[] InterceptionMode = [("REDIRECT", 0), ("TPROXY", 1), ("NONE", 2)];

    private static readonly (string, int)[] TracingServiceName =
        [("APP_LABEL_AND_NAMESPACE", 0), ("CANONICAL_NAME_ONLY", 1), ("CANONICAL_NAME_AND_NAMESPACE", 2)];

    private static readonly ProtoMessage Address = new("address", false, F("address", K.String));

    private static readonly ProtoMessage Tracing = new("istio.mesh.v1alpha1.Tracing", false,
        M("zipkin", Address, "tracer"),
        M("lightstep", new("istio.mesh.v1alpha1.Tracing.Lightstep", false, F("address", K.String), F("access_token", K.String)), "tracer"),
        M("datadog", Address, "tracer"),
        M("stackdriver", new("istio.mesh.v1alpha1.Tracing.Stackdriver", false,
            F("debug", K.Bool),
            F("max_number_of_attributes", K.Int64Wrapper),
            F("max_number_of_annotations", K.Int64Wrapper),
            F("max_number_of_message_events", K.Int64Wrapper)), "tracer"),
        M("open_census_agent", new("istio.mesh.v1alpha1.Tracing.OpenCensusAgent", false,
            F("address", K.String),
            E("context", [("UNSPECIFIED", 0), ("W3C_TRACE_CONTEXT", 1), ("GRPC_BIN", 2), ("CLOUD_TRACE_CONTEXT", 3), ("B3", 4)], kind: K.RepeatedEnum)), "tracer"),
        F("custom_tags", K.Opaque),
        F("max_path_tag_length", K.Int32),
        F("sampling", K.Double),
        F("tls_settings", K.Opaque));

    private static readonly ProtoMessage RemoteService = new("istio.mesh.v1alpha1.RemoteService", false,
        F("address", K.String), F("tls_settings", K.Opaque), F("tcp_keepalive", K.Opaque));

    private static readonly ProtoMessage Disabled = new("disabled", false, F("disabled", K.BoolWrapper));

    private static readonly ProtoMessage PollDelay = new("istio.mesh.v1alpha1.PrivateKeyProvider.CryptoMb", false,
        F("poll_delay", K.Duration), F("fallback", K.BoolWrapper));

    /// <summary><c>istio.mesh.v1alpha1.ProxyConfig</c> (1.23).</summary>
    public static readonly ProtoMessage ProxyConfig = new("istio.mesh.v1alpha1.ProxyConfig", false,
        F("config_path", K.String),
        F("binary_path", K.String),
        new("service_cluster", K.String, Oneof: "cluster_name"),
        E("tracing_service_name", TracingServiceName, "cluster_name"),
        F("drain_duration", K.Duration),
        F("discovery_address", K.String),
        F("discovery_refresh_delay", K.Duration),
        F("zipkin_address", K.String),
        F("statsd_udp_address", K.String),
        F("envoy_metrics_service_address", K.String),
        F("proxy_admin_port", K.Int32),
        F("availability_zone", K.String),
        E("control_plane_auth_policy", AuthenticationPolicy),
        F("custom_config_file", K.String),
        F("stat_name_length", K.Int32),
        F("concurrency", K.Int32Wrapper),
        F("proxy_bootstrap_template_path", K.String),
        E("interception_mode", InterceptionMode),
        M("tracing", Tracing),
        M("sds", new("istio.mesh.v1alpha1.SDS", false, F("enabled", K.Bool), F("k8s_sa_jwt_path", K.String))),
        M("envoy_access_log_service", RemoteService),
        M("envoy_metrics_service", RemoteService),
        F("proxy_metadata", K.StringMap),
        F("runtime_values", K.StringMap),
        F("status_port", K.Int32),
        F("extra_stat_tags", K.RepeatedString),
        M("gateway_topology", new("istio.mesh.v1alpha1.Topology", false,
            F("num_trusted_proxies", K.Int32),
            E("forward_client_cert_details",
                [("UNDEFINED", 0), ("SANITIZE", 1), ("FORWARD_ONLY", 2), ("APPEND_FORWARD", 3), ("SANITIZE_SET", 4), ("ALWAYS_FORWARD_ONLY", 5)]),
            F("proxy_protocol", K.Opaque))),
        F("termination_drain_duration", K.Duration),
        F("mesh_id", K.String),
        F("readiness_probe", K.Opaque),
        M("proxy_stats_matcher", new("istio.mesh.v1alpha1.ProxyConfig.ProxyStatsMatcher", false,
            F("inclusion_prefixes", K.RepeatedString),
            F("inclusion_suffixes", K.RepeatedString),
            F("inclusion_regexps", K.RepeatedString))),
        F("hold_application_until_proxy_starts", K.BoolWrapper),
        F("ca_certificates_pem", K.RepeatedString),
        M("image", new("istio.networking.v1beta1.ProxyImage", false, F("image_type", K.String))),
        M("private_key_provider", new("istio.mesh.v1alpha1.PrivateKeyProvider", false,
            M("cryptomb", PollDelay, "provider"),
            M("qat", PollDelay, "provider"))),
        M("proxy_headers", new("istio.mesh.v1alpha1.ProxyConfig.ProxyHeaders", false,
            E("forwarded_client_cert",
                [("UNDEFINED", 0), ("APPEND_FORWARD", 1), ("SANITIZE_SET", 2), ("SANITIZE", 3), ("FORWARD_ONLY", 4), ("ALWAYS_FORWARD_ONLY", 5)]),
            M("request_id", Disabled),
            M("server", new("istio.mesh.v1alpha1.ProxyConfig.ProxyHeaders.Server", false, F("disabled", K.BoolWrapper), F("value", K.String))),
            M("attempt_count", Disabled),
            M("envoy_debug_headers", Disabled),
            M("metadata_exchange_headers", new("istio.mesh.v1alpha1.ProxyConfig.ProxyHeaders.MetadataExchangeHeaders", false,
                E("mode", [("UNDEFINED", 0), ("IN_MESH", 1)]))))));

    /// <summary>
    /// <c>istio.mesh.v1alpha1.MeshConfig</c>: the fields injection reads are typed; every other field is kept as
    /// given (with its key converted to its JSON name), so templates still see it.
    /// </summary>
    public static readonly ProtoMessage MeshConfig = new("istio.mesh.v1alpha1.MeshConfig", true,
        F("proxy_listen_port", K.Int32),
        F("proxy_inbound_listen_port", K.Int32),
        F("proxy_http_port", K.Int32),
        F("connect_timeout", K.Duration),
        F("protocol_detection_timeout", K.Duration),
        F("ingress_class", K.String),
        F("ingress_service", K.String),
        E("ingress_controller_mode", [("UNSPECIFIED", 0), ("OFF", 1), ("DEFAULT", 2), ("STRICT", 3)]),
        F("ingress_selector", K.String),
        F("enable_tracing", K.Bool),
        F("access_log_file", K.String),
        F("access_log_format", K.String),
        E("access_log_encoding", [("TEXT", 0), ("JSON", 1)]),
        F("enable_envoy_access_log_service", K.Bool),
        F("disable_envoy_listener_log", K.Bool),
        M("default_config", ProxyConfig),
        M("outbound_traffic_policy", new("istio.mesh.v1alpha1.MeshConfig.OutboundTrafficPolicy", false,
            E("mode", [("REGISTRY_ONLY", 0), ("ALLOW_ANY", 1)]))),
        M("inbound_traffic_policy", new("istio.mesh.v1alpha1.MeshConfig.InboundTrafficPolicy", false,
            E("mode", [("PASSTHROUGH", 0), ("LOCALHOST", 1)]))),
        F("enable_auto_mtls", K.BoolWrapper),
        F("trust_domain", K.String),
        F("trust_domain_aliases", K.RepeatedString),
        F("default_service_export_to", K.RepeatedString),
        F("default_virtual_service_export_to", K.RepeatedString),
        F("default_destination_rule_export_to", K.RepeatedString),
        F("root_namespace", K.String),
        F("dns_refresh_rate", K.Duration),
        F("enable_prometheus_merge", K.BoolWrapper),
        M("default_providers", new("istio.mesh.v1alpha1.MeshConfig.DefaultProviders", false,
            F("tracing", K.RepeatedString), F("metrics", K.RepeatedString), F("access_logging", K.RepeatedString))),
        F("extension_providers", K.Opaque));
}
