package fr.maillage.structure;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The identity record's edit form, as typed: every value is text (or a ticked box), read
 * by {@link StructureInput} with the same rules as an import. Property names are
 * {@link StructureField#parameter()}.
 */
public class StructureForm {

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private String name;

	private String kind;

	private String address;

	private String postalCode;

	private String communeCode;

	private String latitude;

	private String longitude;

	private String email;

	private String phone;

	private String website;

	private String siret;

	private String firstApprovalOn;

	private String areaPopulation;

	private String history;

	private String projectAxes;

	private String managementMode;

	private String territoryType;

	private boolean nearQpv;

	private boolean federationMember;

	private boolean travellersPublic;

	private boolean multiSite;

	private boolean itinerant;

	private String status = StructureStatus.ACTIVE.name();

	private String servedCommunes;

	static StructureForm of(StructureRecord record) {
		StructureForm form = new StructureForm();
		form.name = record.name();
		form.kind = record.kind().name();
		form.address = record.address();
		form.postalCode = record.postalCode();
		form.communeCode = record.communeCode();
		form.latitude = (record.latitude() != null) ? record.latitude().stripTrailingZeros().toPlainString() : null;
		form.longitude = (record.longitude() != null) ? record.longitude().stripTrailingZeros().toPlainString() : null;
		form.email = record.email();
		form.phone = record.phone();
		form.website = record.website();
		form.siret = record.siret();
		form.firstApprovalOn = (record.firstApprovalOn() != null) ? FRENCH_DATE.format(record.firstApprovalOn()) : null;
		form.areaPopulation = (record.areaPopulation() != null) ? record.areaPopulation().toString() : null;
		form.history = record.history();
		form.projectAxes = String.join("\n", record.projectAxes());
		form.managementMode = (record.managementMode() != null) ? record.managementMode().name() : null;
		form.territoryType = record.territoryTypeCorrected() ? record.territoryType().name() : null;
		form.nearQpv = record.nearQpv();
		form.federationMember = record.federationMember();
		form.travellersPublic = record.travellersPublic();
		form.multiSite = record.multiSite();
		form.itinerant = record.itinerant();
		form.status = record.status().name();
		form.servedCommunes = String.join(" ", record.servedCommunes());
		return form;
	}

	/** The typed values of the fields the person may write. */
	Map<StructureField, String> typed(Set<StructureField> editable) {
		Map<StructureField, String> all = new EnumMap<>(StructureField.class);
		all.put(StructureField.NAME, this.name);
		all.put(StructureField.KIND, this.kind);
		all.put(StructureField.ADDRESS, this.address);
		all.put(StructureField.POSTAL_CODE, this.postalCode);
		all.put(StructureField.COMMUNE, this.communeCode);
		all.put(StructureField.LATITUDE, this.latitude);
		all.put(StructureField.LONGITUDE, this.longitude);
		all.put(StructureField.EMAIL, this.email);
		all.put(StructureField.PHONE, this.phone);
		all.put(StructureField.WEBSITE, this.website);
		all.put(StructureField.SIRET, this.siret);
		all.put(StructureField.FIRST_APPROVAL_ON, this.firstApprovalOn);
		all.put(StructureField.AREA_POPULATION, this.areaPopulation);
		all.put(StructureField.HISTORY, this.history);
		all.put(StructureField.PROJECT_AXES, this.projectAxes);
		all.put(StructureField.MANAGEMENT_MODE, this.managementMode);
		all.put(StructureField.TERRITORY_TYPE, this.territoryType);
		all.put(StructureField.NEAR_QPV, yesNo(this.nearQpv));
		all.put(StructureField.FEDERATION_MEMBER, yesNo(this.federationMember));
		all.put(StructureField.TRAVELLERS_PUBLIC, yesNo(this.travellersPublic));
		all.put(StructureField.MULTI_SITE, yesNo(this.multiSite));
		all.put(StructureField.ITINERANT, yesNo(this.itinerant));
		all.put(StructureField.STATUS, this.status);
		all.put(StructureField.SERVED_COMMUNES, this.servedCommunes);
		all.keySet().retainAll(editable);
		// A value left out of the request (null) is typed as empty, not "unchanged".
		all.replaceAll((field, value) -> (value != null) ? value : "");
		return all;
	}

	private static String yesNo(boolean value) {
		return value ? "oui" : "non";
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getPostalCode() {
		return this.postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCommuneCode() {
		return this.communeCode;
	}

	public void setCommuneCode(String communeCode) {
		this.communeCode = communeCode;
	}

	public String getLatitude() {
		return this.latitude;
	}

	public void setLatitude(String latitude) {
		this.latitude = latitude;
	}

	public String getLongitude() {
		return this.longitude;
	}

	public void setLongitude(String longitude) {
		this.longitude = longitude;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getSiret() {
		return this.siret;
	}

	public void setSiret(String siret) {
		this.siret = siret;
	}

	public String getFirstApprovalOn() {
		return this.firstApprovalOn;
	}

	public void setFirstApprovalOn(String firstApprovalOn) {
		this.firstApprovalOn = firstApprovalOn;
	}

	public String getAreaPopulation() {
		return this.areaPopulation;
	}

	public void setAreaPopulation(String areaPopulation) {
		this.areaPopulation = areaPopulation;
	}

	public String getHistory() {
		return this.history;
	}

	public void setHistory(String history) {
		this.history = history;
	}

	public String getProjectAxes() {
		return this.projectAxes;
	}

	public void setProjectAxes(String projectAxes) {
		this.projectAxes = projectAxes;
	}

	public String getManagementMode() {
		return this.managementMode;
	}

	public void setManagementMode(String managementMode) {
		this.managementMode = managementMode;
	}

	public String getTerritoryType() {
		return this.territoryType;
	}

	public void setTerritoryType(String territoryType) {
		this.territoryType = territoryType;
	}

	public boolean isNearQpv() {
		return this.nearQpv;
	}

	public void setNearQpv(boolean nearQpv) {
		this.nearQpv = nearQpv;
	}

	public boolean isFederationMember() {
		return this.federationMember;
	}

	public void setFederationMember(boolean federationMember) {
		this.federationMember = federationMember;
	}

	public boolean isTravellersPublic() {
		return this.travellersPublic;
	}

	public void setTravellersPublic(boolean travellersPublic) {
		this.travellersPublic = travellersPublic;
	}

	public boolean isMultiSite() {
		return this.multiSite;
	}

	public void setMultiSite(boolean multiSite) {
		this.multiSite = multiSite;
	}

	public boolean isItinerant() {
		return this.itinerant;
	}

	public void setItinerant(boolean itinerant) {
		this.itinerant = itinerant;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getServedCommunes() {
		return this.servedCommunes;
	}

	public void setServedCommunes(String servedCommunes) {
		this.servedCommunes = servedCommunes;
	}

}
