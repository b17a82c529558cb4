package fr.maillage.structure;

/** The approval form, as typed (dates as jj/mm/aaaa or ISO, axes one per line). */
public class ApprovalForm {

	private String kind;

	/** The form filled with an approval's values, to correct it. */
	static ApprovalForm of(Approval approval) {
		java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
		ApprovalForm form = new ApprovalForm();
		form.kind = approval.kindCode();
		form.startsOn = french.format(approval.startsOn());
		form.endsOn = french.format(approval.endsOn());
		form.decidedOn = (approval.decidedOn() != null) ? french.format(approval.decidedOn()) : null;
		form.decisionBody = approval.decisionBody();
		form.projectAxes = String.join("\n", approval.projectAxes());
		form.projectSummary = approval.projectSummary();
		return form;
	}

	private String startsOn;

	private String endsOn;

	private String decidedOn;

	private String decisionBody;

	private String projectAxes;

	private String projectSummary;

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(String startsOn) {
		this.startsOn = startsOn;
	}

	public String getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(String endsOn) {
		this.endsOn = endsOn;
	}

	public String getDecidedOn() {
		return this.decidedOn;
	}

	public void setDecidedOn(String decidedOn) {
		this.decidedOn = decidedOn;
	}

	public String getDecisionBody() {
		return this.decisionBody;
	}

	public void setDecisionBody(String decisionBody) {
		this.decisionBody = decisionBody;
	}

	public String getProjectAxes() {
		return this.projectAxes;
	}

	public void setProjectAxes(String projectAxes) {
		this.projectAxes = projectAxes;
	}

	public String getProjectSummary() {
		return this.projectSummary;
	}

	public void setProjectSummary(String projectSummary) {
		this.projectSummary = projectSummary;
	}

}
