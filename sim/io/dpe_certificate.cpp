#include "io/dpe_certificate.hpp"

#include "io/dpe_xml.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>

namespace coron::io {

namespace {

DpeLocation where(const XmlElement& e) { return {e.line(), e.path()}; }

/// Reads numbers below one element, noting each absent one in the certificate.
class Reader {
 public:
  explicit Reader(std::vector<DpeMissing>& missing) : missing_(missing) {}

  double required(const XmlElement& e, std::string_view path) {
    if (const auto v = e.number(path)) return *v;
    missing_.push_back({{e.line(), e.path()}, fmt::format("{}: missing or not a number", path)});
    return 0.0;
  }
  static double optional(const XmlElement& e, std::string_view path, double fallback) {
    return e.number(path).value_or(fallback);
  }

 private:
  std::vector<DpeMissing>& missing_;
};

int integer(double v) { return static_cast<int>(v); }

/// The year of an ISO date ("2024-07-05"); 0 when the text is not one.
int year_of(const std::string& date) {
  if (date.size() < 4 ||
      !std::all_of(date.begin(), date.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }))
    return 0;
  return std::stoi(date.substr(0, 4));
}

/// "YYYY-MM-DD..." as YYYYMMDD; 0 when it does not start so.
int date_of(const std::string& date) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    return std::all_of(date.begin() + static_cast<std::ptrdiff_t>(from),
                       date.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (date.size() < 10 || !digits(0, 4) || date[4] != '-' || !digits(5, 2) || date[7] != '-' || !digits(8, 2))
    return 0;
  return std::stoi(date.substr(0, 4)) * 10000 + std::stoi(date.substr(5, 2)) * 100 +
         std::stoi(date.substr(8, 2));
}

void read_surfaces(Reader& r, const XmlElement& envelope, std::string_view collection, std::string_view item,
                   std::string_view area, std::string_view u, std::vector<DpeSurface>& out) {
  for (const XmlElement& e : envelope.child(collection).children(item)) {
    DpeSurface s;
    s.area_m2 = r.required(e, fmt::format("donnee_entree/{}", area));
    s.u_w_per_m2k = r.required(e, fmt::format("donnee_intermediaire/{}", u));
    s.b = r.required(e, "donnee_intermediaire/b");
    s.where = where(e);
    out.push_back(std::move(s));
  }
}

/// A glazing's near and far masks fe1 . fe2 (3CL §6.2), 1 where the certificate gives none.
double masks_of(const XmlElement& glazing) {
  return Reader::optional(glazing, "donnee_intermediaire/fe1", 1.0) *
         Reader::optional(glazing, "donnee_intermediaire/fe2", 1.0);
}

void read_windows(Reader& r, const XmlElement& envelope, std::vector<DpeSurface>& out) {
  for (const XmlElement& e : envelope.child("baie_vitree_collection").children("baie_vitree")) {
    DpeSurface s;
    s.area_m2 = r.required(e, "donnee_entree/surface_totale_baie");
    // 3CL uses U_jn (day and night, with the shutters) where the window has shutters,
    // U_w otherwise: the certificate gives ujn only in the first case.
    const auto ujn = e.number("donnee_intermediaire/ujn");
    s.u_w_per_m2k = ujn && *ujn > 0.0 ? *ujn : r.required(e, "donnee_intermediaire/uw");
    s.b = r.required(e, "donnee_intermediaire/b");
    s.orientation = integer(r.required(e, "donnee_entree/enum_orientation_id"));
    s.tilt = integer(Reader::optional(e, "donnee_entree/enum_inclinaison_vitrage_id", 3.0));
    s.adjacency = integer(Reader::optional(e, "donnee_entree/enum_type_adjacence_id", 1.0));
    s.solar_factor = r.required(e, "donnee_intermediaire/sw");
    s.masks = masks_of(e);
    s.where = where(e);
    out.push_back(std::move(s));
  }
}

void read_verandas(Reader& r, const XmlElement& envelope, std::vector<DpeVeranda>& out) {
  for (const XmlElement& e : envelope.child("ets_collection").children("ets")) {
    DpeVeranda v;
    v.transparency = r.required(e, "donnee_intermediaire/coef_transparence_ets");
    v.b_ver = r.required(e, "donnee_intermediaire/bver");
    for (const XmlElement& g : e.child("baie_ets_collection").children("baie_ets")) {
      DpeVeranda::Glazing glazing;
      glazing.area_m2 = r.required(g, "donnee_entree/surface_totale_baie");
      glazing.orientation = integer(r.required(g, "donnee_entree/enum_orientation_id"));
      glazing.tilt = integer(Reader::optional(g, "donnee_entree/enum_inclinaison_vitrage_id", 3.0));
      glazing.masks = masks_of(g);
      v.glazing.push_back(glazing);
    }
    v.where = where(e);
    out.push_back(std::move(v));
  }
}

/// The emitter a heating generator heats through: the one of its installation that names the
/// same enum_lien_generateur_emetteur_id (3CL §9.1.4: each generator of an installation with a
/// backup has its own emitters), else the installation's first (Open3CL 9_generateur_ch.js reads
/// the link likewise when an installation has several emitters).
XmlElement linked_emitter(const XmlElement& installation, const XmlElement& generator) {
  const std::vector<XmlElement> emitters =
      installation.child("emetteur_chauffage_collection").children("emetteur_chauffage");
  if (emitters.empty()) return {};
  const auto link = generator.number("donnee_entree/enum_lien_generateur_emetteur_id");
  if (link)
    for (const XmlElement& e : emitters)
      if (e.number("donnee_entree/enum_lien_generateur_emetteur_id") == link) return e;
  return emitters.front();
}

void read_generators(Reader& r, const XmlElement& logement, std::string_view installations,
                     std::string_view installation, std::string_view generators, std::string_view generator,
                     std::string_view type, std::string_view consumption, std::vector<DpeGenerator>& out) {
  int index = 0;
  for (const XmlElement& i : logement.child(installations).children(installation)) {
    for (const XmlElement& g : i.child(generators).children(generator)) {
      DpeGenerator d;
      d.installation_index = index;
      d.installation_type_id = integer(Reader::optional(i, "donnee_entree/enum_type_installation_id", 0.0));
      d.in_heated_volume = Reader::optional(g, "donnee_entree/position_volume_chauffe", 1.0) != 0.0;
      d.storage_in_heated_volume =
          Reader::optional(g, "donnee_entree/position_volume_chauffe_stockage", 1.0) != 0.0;
      d.type_id = integer(r.required(g, fmt::format("donnee_entree/{}", type)));
      d.energy_id = integer(r.required(g, "donnee_entree/enum_type_energie_id"));
      d.consumption_kwh = Reader::optional(g, fmt::format("donnee_intermediaire/{}", consumption), 0.0);
      d.nominal_power_w = Reader::optional(g, "donnee_intermediaire/pn", 0.0);
      const XmlElement emitter = linked_emitter(i, g);
      d.emission_id =
          integer(Reader::optional(emitter, "donnee_entree/enum_type_emission_distribution_id", 0.0));
      d.heating_type_id = integer(Reader::optional(emitter, "donnee_entree/enum_type_chauffage_id", 0.0));
      d.intermittence_equipment_id =
          integer(Reader::optional(emitter, "donnee_entree/enum_equipement_intermittence_id", 0.0));
      d.regulation_type_id = integer(Reader::optional(emitter, "donnee_entree/enum_type_regulation_id", 0.0));
      d.intermittence_row = integer(Reader::optional(emitter, "donnee_entree/tv_intermittence_id", 0.0));
      d.declared_i0 = Reader::optional(emitter, "donnee_intermediaire/i0", 0.0);
      d.network_insulated = Reader::optional(emitter, "donnee_entree/reseau_distribution_isole", 0.0) != 0.0;
      const std::vector<XmlElement> emitters =
          i.child("emetteur_chauffage_collection").children("emetteur_chauffage");
      d.network_emitter_count = static_cast<int>(emitters.size());
      if (!emitters.empty()) {
        d.network_emission_id = integer(
            Reader::optional(emitters.front(), "donnee_entree/enum_type_emission_distribution_id", 0.0));
        d.network_temperature_id =
            integer(Reader::optional(emitters.front(), "donnee_entree/enum_temp_distribution_ch_id", 0.0));
      }
      d.network_levels = Reader::optional(i, "donnee_entree/nombre_niveau_installation_ch", 1.0);
      d.declared_emitter_efficiency =
          Reader::optional(emitter, "donnee_intermediaire/rendement_emission", 0.0) *
          Reader::optional(emitter, "donnee_intermediaire/rendement_distribution", 0.0) *
          Reader::optional(emitter, "donnee_intermediaire/rendement_regulation", 0.0);
      d.need_ratio = Reader::optional(g, "donnee_intermediaire/ratio_besoin_ecs", 1.0);
      d.generation_efficiency = Reader::optional(g, "donnee_intermediaire/rendement_generation", 0.0);
      d.storage_efficiency = Reader::optional(g, "donnee_intermediaire/rendement_stockage", 0.0);
      d.generation_storage_efficiency =
          Reader::optional(g, "donnee_intermediaire/rendement_generation_stockage", 0.0);
      d.cop = Reader::optional(g, "donnee_intermediaire/cop",
                               Reader::optional(g, "donnee_intermediaire/scop", 0.0));
      d.storage_volume_l = Reader::optional(g, "donnee_entree/volume_stockage", 0.0);
      d.storage_type_id = integer(Reader::optional(g, "donnee_entree/enum_type_stockage_ecs_id", 0.0));
      d.installation_need = Reader::optional(i, "donnee_intermediaire/besoin_ecs", 0.0);
      d.installation_distribution_efficiency =
          Reader::optional(i, "donnee_intermediaire/rendement_distribution", 0.0);
      d.installation_solar_fraction = Reader::optional(i, "donnee_intermediaire/fecs", 0.0);
      const int configuration =
          integer(Reader::optional(i, "donnee_entree/enum_cfg_installation_ch_id", 0.0));
      if (configuration == 2 || configuration == 7)
        d.heating_solar_fraction = Reader::optional(i, "donnee_intermediaire/fch",
                                                    Reader::optional(i, "donnee_entree/fch_saisi", 0.0));
      d.heat_network = g.find("donnee_entree/identifiant_reseau_chaleur").text();
      d.heat_network_arrete_year = year_of(g.find("donnee_entree/date_arrete_reseau_chaleur").text());
      d.where = where(g);
      out.push_back(std::move(d));
    }
    ++index;
  }
}

void read_declared(Reader& r, const XmlElement& sortie, DpeDeclared& d) {
  const XmlElement loss = sortie.child("deperdition");
  d.gv_w_per_k = r.required(loss, "deperdition_enveloppe");
  d.walls_w_per_k = Reader::optional(loss, "deperdition_mur", 0.0);
  d.roof_w_per_k = Reader::optional(loss, "deperdition_plancher_haut", 0.0);
  d.floor_w_per_k = Reader::optional(loss, "deperdition_plancher_bas", 0.0);
  d.windows_w_per_k = Reader::optional(loss, "deperdition_baie_vitree", 0.0);
  d.doors_w_per_k = Reader::optional(loss, "deperdition_porte", 0.0);
  d.bridges_w_per_k = Reader::optional(loss, "deperdition_pont_thermique", 0.0);
  d.air_w_per_k = Reader::optional(loss, "deperdition_renouvellement_air", 0.0);
  d.heating_need_kwh = r.required(sortie, "apport_et_besoin/besoin_ch");
  d.heating_final_kwh = Reader::optional(sortie, "ef_conso/conso_ch", 0.0);
  d.dhw_final_kwh = Reader::optional(sortie, "ef_conso/conso_ecs", 0.0);
  // The auxiliaries by their parts: what conso_totale_auxiliaire sums differs between certifying
  // software (2260E1364581G leaves its fans out of it, though not out of its 5 uses).
  d.other_final_kwh = Reader::optional(sortie, "ef_conso/conso_eclairage", 0.0);
  for (const char* part :
       {"generation_ch", "distribution_ch", "generation_ecs", "distribution_ecs", "ventilation"})
    d.other_final_kwh += Reader::optional(sortie, fmt::format("ef_conso/conso_auxiliaire_{}", part), 0.0);
  d.primary_energy_kwh_m2 = r.required(sortie, "ep_conso/ep_conso_5_usages_m2");
  d.ghg_kg_m2 = r.required(sortie, "emission_ges/emission_ges_5_usages_m2");
  const std::string label = sortie.find("ep_conso/classe_bilan_dpe").text();
  d.label = label.size() == 1 ? label[0] : '?';
}

}  // namespace

DpeCertificate read_dpe_certificate(const std::string& path) {
  const XmlDocument doc = XmlDocument::parse_file(path);
  const XmlElement dpe = doc.root();
  DpeCertificate c;
  c.file = path;
  Reader r(c.missing);
  c.number = dpe.child("numero_dpe").text();
  const XmlElement address = dpe.find("administratif/geolocalisation/adresses/adresse_bien");
  c.address = fmt::format("{}, {} {}", address.child("adresse_brut").text(),
                          address.child("code_postal_brut").text(), address.child("nom_commune_brut").text());
  const std::string established = dpe.find("administratif/date_etablissement_dpe").text();
  c.established_year = year_of(established);
  c.established_date = date_of(established);

  const XmlElement logement = dpe.child("logement");
  const XmlElement general = logement.child("caracteristique_generale");
  c.method_id = integer(r.required(general, "enum_methode_application_dpe_log_id"));
  c.method_where = where(general.child("enum_methode_application_dpe_log_id"));
  c.year_built = integer(Reader::optional(general, "annee_construction", 0.0));
  c.floor_area_m2 = r.required(general, "surface_habitable_logement");
  c.building_floor_area_m2 = Reader::optional(general, "surface_habitable_immeuble", 0.0);
  c.ceiling_height_m = r.required(general, "hsp");
  c.climate_zone_id = integer(r.required(logement, "meteo/enum_zone_climatique_id"));
  c.altitude_class_id = integer(r.required(logement, "meteo/enum_classe_altitude_id"));
  c.meteo_line = logement.child("meteo").line();

  const XmlElement envelope = logement.child("enveloppe");
  c.inertia_class_id = integer(r.required(envelope, "inertie/enum_classe_inertie_id"));
  read_surfaces(r, envelope, "mur_collection", "mur", "surface_paroi_opaque", "umur", c.walls);
  read_surfaces(r, envelope, "plancher_haut_collection", "plancher_haut", "surface_paroi_opaque", "uph",
                c.roofs);
  // upb_final: U of the floor with the ground's equivalent U_e where 3CL applies it.
  read_surfaces(r, envelope, "plancher_bas_collection", "plancher_bas", "surface_paroi_opaque", "upb_final",
                c.floors);
  read_surfaces(r, envelope, "porte_collection", "porte", "surface_porte", "uporte", c.doors);
  read_windows(r, envelope, c.windows);
  read_verandas(r, envelope, c.verandas);
  for (const XmlElement& p : envelope.child("pont_thermique_collection").children("pont_thermique"))
    c.bridges_sum_w_per_k += r.required(p, "donnee_intermediaire/k") * r.required(p, "donnee_entree/l") *
                             Reader::optional(p, "donnee_entree/pourcentage_valeur_pont_thermique", 1.0);

  const std::vector<XmlElement> ventilations =
      logement.child("ventilation_collection").children("ventilation");
  c.ventilation_count = static_cast<int>(ventilations.size());
  c.ventilation_where = where(logement.child("ventilation_collection"));
  c.heating_where = where(logement.child("installation_chauffage_collection"));
  c.dhw_where = where(logement.child("installation_ecs_collection"));
  if (ventilations.empty()) {
    c.missing.push_back(
        {c.ventilation_where.line != 0 ? c.ventilation_where : where(logement), "no ventilation"});
  } else {
    const XmlElement& v = ventilations.front();
    c.ventilation_type_id = integer(r.required(v, "donnee_entree/enum_type_ventilation_id"));
    c.q4pa_conv_m3_per_h_m2 = r.required(v, "donnee_intermediaire/q4pa_conv");
    c.multiple_exposed_facades = Reader::optional(v, "donnee_entree/plusieurs_facade_exposee", 0.0) != 0.0;
    c.declared.hvent_w_per_k = Reader::optional(v, "donnee_intermediaire/hvent", 0.0);
    c.declared.hperm_w_per_k = Reader::optional(v, "donnee_intermediaire/hperm", 0.0);
  }
  read_generators(r, logement, "installation_chauffage_collection", "installation_chauffage",
                  "generateur_chauffage_collection", "generateur_chauffage", "enum_type_generateur_ch_id",
                  "conso_ch", c.heating);
  read_generators(r, logement, "installation_ecs_collection", "installation_ecs", "generateur_ecs_collection",
                  "generateur_ecs", "enum_type_generateur_ecs_id", "conso_ecs", c.dhw);
  read_declared(r, logement.child("sortie"), c.declared);
  return c;
}

}  // namespace coron::io
