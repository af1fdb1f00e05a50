import type { MetricName, MetricScope } from './metric-names';
import type { PathKind } from './measurement';
import type { ProbeId } from './probe-schemas';
import type { ResponsivenessSegment } from './responsiveness';

/**
 * What a French (Canada) report prints for each measurement: labels, scopes, far ends and probe
 * names. Typed as complete records, so a metric added to the catalogue without its French fails
 * the type check instead of printing English in a French report. Kept beside the catalogue rather
 * than in the ICU messages: these are names, not sentences, and the catalogue's completeness
 * test would otherwise need a literal id per metric.
 */
export const metricLabelsFrCA: Record<MetricName, string> = {
  'hardware.cpu_cores': 'Cœurs logiques du processeur',
  'hardware.cpu_physical_cores': 'Cœurs physiques du processeur',
  'hardware.cpu_speed_ghz': 'Fréquence du processeur',
  'hardware.memory_gb': 'Mémoire installée',
  'hardware.memory_free_gb': 'Mémoire disponible',
  'hardware.gpu_count': 'Cartes graphiques',
  'hardware.gpu_vram_gb_max': 'Mémoire graphique dédiée (VRAM)',
  'hardware.disk_free_gb': 'Espace disque libre',
  'hardware.disk_nvme_count': 'Disques NVMe',
  'hardware.disk_ssd_count': 'Disques SSD',
  'hardware.disk_hdd_count': 'Disques durs mécaniques',
  'hardware.os': "Système d'exploitation",
  'hardware.os_supported': 'Système encore pris en charge',
  'hardware.tpm_present': 'Puce TPM présente',
  'hardware.secure_boot': 'Démarrage sécurisé',
  'hardware.on_battery': 'Sur batterie',
  'network.interface_count': 'Interfaces réseau actives',
  'network.link_speed_mbps': 'Vitesse du lien',
  'network.mtu': "MTU de l'interface",
  'network.has_gateway': 'Passerelle par défaut configurée',
  'network.gateway': 'Passerelle par défaut',
  'network.dns_server_count': 'Serveurs DNS configurés',
  'network.proxy_configured': 'Serveur mandataire configuré',
  'latency.rtt_ms_p50': 'Temps aller-retour (médiane)',
  'latency.rtt_ms_p95': 'Temps aller-retour (95e centile)',
  'latency.rtt_ms_min': 'Temps aller-retour (minimum)',
  'latency.jitter_ms': 'Gigue',
  'latency.loss_pct': 'Perte de paquets',
  'latency.loss_pct_ci_low': 'Perte de paquets, borne basse de l’intervalle',
  'latency.loss_pct_ci_high': 'Perte de paquets, borne haute de l’intervalle',
  'latency.probes_sent': 'Sondes de latence envoyées',
  'latency.gateway_rtt_ms_p50': 'Temps aller-retour vers la passerelle',
  'dns.lookup_ms_p50': 'Temps de résolution DNS (médiane)',
  'dns.lookup_cold_ms': 'Temps de résolution DNS (à froid)',
  'dns.resolve_ms_p50': 'Temps de requête DNS (médiane)',
  'dns.resolve_cold_ms': 'Temps de requête DNS (à froid)',
  'dns.failure_pct': 'Échecs DNS',
  'ai.endpoints_reachable': 'Services d’IA joignables',
  'ai.endpoints_total': 'Services d’IA testés',
  'ai.endpoints_unreachable': 'Services d’IA injoignables',
  'ai.endpoints_reachable_direct': 'Services d’IA joignables en direct',
  'ai.endpoints_reachable_via_proxy': 'Services d’IA joignables par le mandataire',
  'ai.dns_ms_max': 'Résolution DNS d’un service d’IA (la plus lente)',
  'ai.connect_ms_max': 'Connexion à un service d’IA (la plus lente)',
  'ai.tls_ms_max': 'Négociation TLS d’un service d’IA (la plus lente)',
  'ai.ttfb_ms_max': 'Premier octet d’un service d’IA (le plus lent)',
  'ai.tls_intercepted': 'Interception TLS',
  'throughput.download_mbps': 'Débit descendant',
  'throughput.upload_mbps': 'Débit montant',
  'throughput.idle_rtt_ms_p50': 'Temps aller-retour avant la charge',
  'throughput.loaded_rtt_ms_p50': 'Temps aller-retour sous charge',
  'throughput.bufferbloat_added_ms': 'Latence ajoutée sous charge',
  'throughput.bufferbloat_grade': 'Cote de surcharge des tampons (bufferbloat)',
  'throughput.streams': 'Flux parallèles',
  'throughput.loaded_rtt_ms_p95': 'Temps aller-retour sous charge (95e centile)',
  'throughput.download_loaded_rtt_ms_p50': 'Aller-retour pendant le téléchargement (médiane)',
  'throughput.download_loaded_rtt_ms_p95': 'Aller-retour pendant le téléchargement (95e centile)',
  'throughput.download_loaded_jitter_ms': 'Gigue pendant le téléchargement',
  'throughput.download_loaded_loss_pct': 'Perte pendant le téléchargement',
  'throughput.upload_loaded_rtt_ms_p50': 'Aller-retour pendant le téléversement (médiane)',
  'throughput.upload_loaded_rtt_ms_p95': 'Aller-retour pendant le téléversement (95e centile)',
  'throughput.upload_loaded_jitter_ms': 'Gigue pendant le téléversement',
  'throughput.upload_loaded_loss_pct': 'Perte pendant le téléversement',
  'throughput.client_cpu_pct': 'Processeur utilisé par ce portable pendant le test',
  'throughput.server_cpu_pct': 'Processeur utilisé par l’autre extrémité pendant le test',
  'throughput.download_cpu_bound': 'Téléchargement limité par un processeur',
  'throughput.upload_cpu_bound': 'Téléversement limité par un processeur',
  'responsiveness.rpm': 'Réactivité (RPM)',
  'responsiveness.band': 'Niveau de réactivité',
  'responsiveness.confidence': 'Fiabilité de la mesure de réactivité',
  'responsiveness.loaded_latency_ms': 'Latence en conditions de travail',
  'responsiveness.idle_latency_ms': 'Latence avant la charge (test de réactivité)',
  'responsiveness.download_rpm': 'Réactivité pendant le téléchargement',
  'responsiveness.upload_rpm': 'Réactivité pendant le téléversement',
  'responsiveness.concurrent_rpm': 'Réactivité dans les deux sens à la fois',
  'responsiveness.download_mbps': 'Débit utile pendant le test de réactivité (descendant)',
  'responsiveness.upload_mbps': 'Débit utile pendant le test de réactivité (montant)',
  'responsiveness.lan_rpm': 'Réactivité vers le réflecteur du réseau local',
  'responsiveness.hub_rpm': 'Réactivité vers le concentrateur du partenaire',
  'responsiveness.internet_rpm': 'Réactivité vers le serveur Internet',
  'mtu.path_mtu_bytes': 'MTU du chemin',
  'wifi.connected': 'Connecté au Wi-Fi',
  'wifi.signal_dbm': 'Signal Wi-Fi',
  'wifi.channel': 'Canal Wi-Fi',
  'wifi.band_ghz': 'Bande Wi-Fi',
  'wifi.tx_rate_mbps': 'Débit de transmission Wi-Fi',
  'ntp.offset_ms': 'Décalage de l’horloge',
  'ntp.rtt_ms': 'Aller-retour vers le serveur de temps',
  'ntp.stratum': 'Strate du serveur de temps',
  'neighbours.count': 'Hôtes vus sur le réseau local',
  'neighbours.sweep_responders': 'Hôtes ayant répondu au balayage',
};

export const metricScopeLabelsFrCA: Record<MetricScope, string> = {
  laptop: 'ce portable',
  lan: 'chemin du réseau local',
  internet: 'chemin Internet',
  ai_endpoints: 'services d’IA',
};

export const pathKindLabelsFrCA: Record<PathKind, string> = {
  this_device: 'ce portable',
  loopback: 'bouclage (ce portable)',
  gateway: 'passerelle par défaut',
  lan_host: 'hôte du réseau local',
  partner_hub: 'concentrateur du partenaire',
  internet_host: 'hôte Internet',
  iperf3_server: 'serveur iperf3 public',
};

export const responsivenessSegmentLabelsFrCA: Record<ResponsivenessSegment, string> = {
  lan: 'le réseau local du site (réflecteur)',
  hub: 'le concentrateur du partenaire',
  internet: 'le serveur Internet',
};

export const probeTitlesFrCA: Record<ProbeId, string> = {
  hardware: 'Matériel et système',
  'network-config': 'Configuration réseau',
  latency: 'Latence, gigue et perte',
  dns: 'Temps DNS',
  'ai-endpoints': 'Accès aux services d’IA',
  ntp: 'Décalage de l’horloge (NTP)',
  neighbours: 'Voisins du réseau local',
  'path-mtu': 'MTU du chemin',
  wifi: 'Lien Wi-Fi',
  throughput: 'Débit et surcharge des tampons',
  responsiveness: 'Réactivité en conditions de travail (RPM)',
};

/**
 * The reasons Groundwork itself gives for a figure it could not take. A probe's own message (an
 * operating system's error, a server's answer) is printed as it came: it is evidence, and
 * rewording it could change what it says.
 */
export const knownReasonsFrCA: Readonly<Record<string, string>> = {
  'the platform does not report it here': 'la plateforme ne le fournit pas ici',
  'not recorded by the version that ran the probe': 'non enregistré par la version qui a fait la mesure',
  'the platform reported a placeholder, not a value': 'la plateforme a fourni une valeur fictive, pas une mesure',
  'No Wi-Fi interface on this machine': 'aucune interface Wi-Fi sur cet appareil',
};

/** Units as French writes them where they differ from English. */
export const unitWordsFrCA = { bytes: 'octets', GB: 'Go', yes: 'oui', no: 'non', noValue: 'sans valeur' } as const;
