package fr.maillage.observatory;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.shared.demo.DemoSize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes the demo history's figures once its campaigns are loaded (after them, in the
 * background at national size like them).
 */
@Component
class ObservatoryDemo implements DemoDataStep {

	private final FigureRefresh refresh;

	private final FigureRepository repository;

	private final boolean background;

	ObservatoryDemo(FigureRefresh refresh, FigureRepository repository,
			@Value("${maillage.demo.size:national}") String size) {
		this.refresh = refresh;
		this.repository = repository;
		this.background = !DemoSize.SMALL.name().equalsIgnoreCase(size);
	}

	@Override
	public String name() {
		return "observatory.figures";
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public boolean background() {
		return this.background;
	}

	@Override
	public boolean hasData() {
		return false;
	}

	@Override
	public int load(DemoContext context) {
		int changed = 0;
		for (int year : this.repository.years(context.referenceDate().getYear())) {
			changed += this.refresh.refresh(year);
		}
		return changed;
	}

}
