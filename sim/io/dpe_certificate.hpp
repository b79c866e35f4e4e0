#pragma once
#include <string>
#include <vector>

// What coron reads from an ADEME DPE certificate (XML of the "DPE 3CL 2021" model): the
// inputs its mapping to a stock row needs, taken from each element's intermediate values
// (donnee_intermediaire: the U-values and b factors the certifying software computed),
// and the results the certificate declares (logement/sortie). docs/dpe-import.md lists the
// elements read.

namespace coron::io {

/// Where an element sits in its file, for diagnostics.
struct DpeLocation {
  int line = 0;
  std::string path;  ///< e.g. /dpe/logement/enveloppe/mur_collection/mur[2]
};

/// A value the file lacks: where it was looked for, and what it is.
struct DpeMissing {
  DpeLocation where;  ///< the enclosing element
  std::string what;   ///< e.g. "donnee_intermediaire/umur: missing or not a number"
};

/// One opaque or glazed envelope element: area, U (W/(m2.K)) and b.
struct DpeSurface {
  double area_m2 = 0.0;
  double u_w_per_m2k = 0.0;
  double b = 1.0;
  int orientation = 0;        ///< baie_vitree: enum_orientation_id (1 S, 2 N, 3 E, 4 W, 5 horizontal)
  int tilt = 3;               ///< enum_inclinaison_vitrage_id (1 < 25 deg, 2 25-75, 3 > 75, 4 horizontal)
  int adjacency = 1;          ///< enum_type_adjacence_id (1 outside, 10 a veranda)
  double solar_factor = 0.0;  ///< baie_vitree: sw
  double masks = 1.0;         ///< fe1 . fe2 (near and far masks, 3CL §6.2)
  DpeLocation where;
};

/// A veranda or closed loggia (3CL §6.3, an ETS): its own glazing, its transparency T and
/// the share b_ver of its indirect gains that reaches the dwelling.
struct DpeVeranda {
  struct Glazing {
    double area_m2 = 0.0;
    int orientation = 1, tilt = 3;
    double masks = 1.0;
    friend bool operator==(const Glazing&, const Glazing&) = default;
  };
  std::vector<Glazing> glazing;
  double transparency = 0.0;  ///< coef_transparence_ets
  double b_ver = 0.0;         ///< bver
  DpeLocation where;
  /// The same veranda wherever it is written (some software writes one twice).
  [[nodiscard]] bool same_as(const DpeVeranda& o) const {
    return glazing == o.glazing && transparency == o.transparency && b_ver == o.b_ver;
  }
};

/// One heating or hot-water generator and its installation.
struct DpeGenerator {
  int type_id = 0;               ///< enum_type_generateur_ch_id or enum_type_generateur_ecs_id
  int energy_id = 0;             ///< enum_type_energie_id
  double consumption_kwh = 0.0;  ///< donnee_intermediaire/conso_ch or conso_ecs
  double nominal_power_w = 0.0;  ///< donnee_intermediaire/pn; 0 when not given
  /// Hot water: its installation's enum_type_installation_id (1 individual, 2 collective,
  /// 3 mixed), 0 for heating.
  int installation_type_id = 0;
  /// Hot water: whether the generator and its tank stand inside the heated volume
  /// (position_volume_chauffe, position_volume_chauffe_stockage); absent counts as inside,
  /// as in Open3CL (9_besoin_ch.js only excludes an explicit 0).
  bool in_heated_volume = true, storage_in_heated_volume = true;
  /// Heating: the emitter it heats through (emetteur_chauffage/donnee_entree: the one of its
  /// installation naming its enum_lien_generateur_emetteur_id, else the first), what the
  /// method's intermittence table reads; 0 when absent.
  int emission_id = 0;                 ///< enum_type_emission_distribution_id
  int heating_type_id = 0;             ///< enum_type_chauffage_id
  int intermittence_equipment_id = 0;  ///< enum_equipement_intermittence_id
  int regulation_type_id = 0;          ///< enum_type_regulation_id
  int intermittence_row = 0;           ///< tv_intermittence_id: the table row the certificate used
  double declared_i0 = 0.0;        ///< donnee_intermediaire/i0: the I0 the certificate computed (checks only)
  bool network_insulated = false;  ///< reseau_distribution_isole (absent: not insulated)
  /// Heating: its installation's water network as the circulator's power reads it (3CL §15.2.1):
  /// the installation's first emitter's enum_type_emission_distribution_id and
  /// enum_temp_distribution_ch_id, how many emitters it has, and its heated levels
  /// (nombre_niveau_installation_ch, 1 when absent). 0 emitters: none described.
  int network_emission_id = 0, network_temperature_id = 0, network_emitter_count = 0;
  double network_levels = 1.0;
  /// rendement_emission x rendement_distribution x rendement_regulation the certificate computed
  /// for the emitter (checks only; 0 when absent).
  double declared_emitter_efficiency = 0.0;
  /// The generator's efficiencies as the certificate computed them at its need or load
  /// (donnee_intermediaire: rendement_generation, and for hot water rendement_stockage,
  /// rendement_generation_stockage; cop, or scop; 0 when absent). Hot water: the generator's
  /// share of its installation's need (ratio_besoin_ecs, 1 when absent) and its tank
  /// (volume_stockage in litres, enum_type_stockage_ecs_id).
  double need_ratio = 1.0;
  double generation_efficiency = 0.0, storage_efficiency = 0.0, generation_storage_efficiency = 0.0,
         cop = 0.0;
  double storage_volume_l = 0.0;
  int storage_type_id = 0;
  /// Hot water, its installation's: the installation's index in the certificate, its need
  /// (besoin_ecs, in the certificate's unit), distribution efficiency (rendement_distribution,
  /// 0 when absent) and solar fraction (fecs, 0 when absent).
  int installation_index = 0;
  /// Heating: the share of the need its installation's solar heating covers (fch, or fch_saisi),
  /// when enum_cfg_installation_ch_id says it has one (2, or 7 with a wood stove as backup);
  /// 0 otherwise.
  double heating_solar_fraction = 0.0;
  double installation_need = 0.0, installation_distribution_efficiency = 0.0,
         installation_solar_fraction = 0.0;
  /// A heat network's identifier in the DPE's yearly list (identifiant_reseau_chaleur, "" when
  /// absent) and the year of the arrêté whose list the certificate names
  /// (date_arrete_reseau_chaleur, 0 when absent).
  std::string heat_network;
  int heat_network_arrete_year = 0;
  DpeLocation where;
};

/// The results a certificate declares, per dwelling unless said.
struct DpeDeclared {
  double gv_w_per_k = 0.0;  ///< deperdition_enveloppe (walls ... air renewal)
  double walls_w_per_k = 0.0, roof_w_per_k = 0.0, floor_w_per_k = 0.0;
  double windows_w_per_k = 0.0, doors_w_per_k = 0.0, bridges_w_per_k = 0.0;
  double air_w_per_k = 0.0;  ///< deperdition_renouvellement_air
  /// The first ventilation's H_vent and H_perm (its donnee_intermediaire), 0 when absent.
  double hvent_w_per_k = 0.0, hperm_w_per_k = 0.0;
  double heating_need_kwh = 0.0;  ///< apport_et_besoin/besoin_ch
  /// Final energy by use (ef_conso): conso_ch, conso_ecs, and conso_eclairage with the
  /// auxiliaries of heating and hot-water generation and distribution and of ventilation
  /// (conso_auxiliaire_*: lighting, pumps, fans); 0 when absent.
  double heating_final_kwh = 0.0, dhw_final_kwh = 0.0, other_final_kwh = 0.0;
  double primary_energy_kwh_m2 = 0.0;  ///< ep_conso_5_usages_m2
  double ghg_kg_m2 = 0.0;              ///< emission_ges_5_usages_m2
  char label = '?';                    ///< classe_bilan_dpe
};

struct DpeCertificate {
  std::string file;
  std::string number;        ///< numero_dpe
  std::string address;       ///< adresse_brut, code_postal_brut nom_commune_brut
  int established_year = 0;  ///< year of administratif/date_etablissement_dpe (0 when absent)
  int established_date = 0;  ///< the same date as YYYYMMDD (0 when absent or not a date)
  int method_id = 0;         ///< enum_methode_application_dpe_log_id
  DpeLocation method_where;
  int year_built = 0;
  double floor_area_m2 = 0.0;           ///< surface_habitable_logement
  double building_floor_area_m2 = 0.0;  ///< surface_habitable_immeuble (0 if absent)
  double ceiling_height_m = 0.0;        ///< hsp
  int climate_zone_id = 0;              ///< enum_zone_climatique_id (1 = h1a ... 8 = h3)
  int altitude_class_id = 0;            ///< enum_classe_altitude_id (1 below 400 m ... 3 above 800 m)
  int meteo_line = 0;                   ///< line of the meteo element
  int inertia_class_id = 0;             ///< enum_classe_inertie_id (1 very heavy ... 4 light)
  std::vector<DpeSurface> walls, roofs, floors, windows, doors;
  std::vector<DpeVeranda> verandas;  ///< ets_collection
  double bridges_sum_w_per_k = 0.0;  ///< sum of k . l . pourcentage_valeur_pont_thermique
  int ventilation_type_id = 0;       ///< enum_type_ventilation_id of the first ventilation
  int ventilation_count = 0;
  double q4pa_conv_m3_per_h_m2 = 0.0;
  bool multiple_exposed_facades = false;
  std::vector<DpeGenerator> heating, dhw;
  DpeDeclared declared;
  DpeLocation heating_where, dhw_where, ventilation_where;  ///< the three system collections
  /// Values the mapping needs that the file lacks or that are not numbers, each at the
  /// element that should hold it. The mapping refuses such a certificate.
  std::vector<DpeMissing> missing;
};

/// Reads one certificate. Throws InputError (file:line) when the file cannot be read or is
/// not well-formed XML; elements it lacks are listed in `missing`, not thrown.
[[nodiscard]] DpeCertificate read_dpe_certificate(const std::string& path);

}  // namespace coron::io
