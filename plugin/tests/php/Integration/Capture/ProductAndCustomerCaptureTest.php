<?php
/**
 * Products, variations and customers changed through WooCommerce/WordPress end up in the outbox.
 *
 * @package GPSync
 */

declare(strict_types=1);

namespace GPSync\Tests\Integration\Capture;

final class ProductAndCustomerCaptureTest extends CaptureTestCase {

	public function test_when_a_product_is_created_and_its_sku_changed_then_one_product_row_carries_the_new_sku(): void {
		$this->require_woocommerce();
		$product = $this->create_simple_product( 'GPS-PRD-OLD', '19.99', [ 'weight' => '0.45' ] );
		$this->assertSame( 'product.created', $this->only_row( 'product', $product->get_id() )->event );

		$product->set_sku( 'GPS-PRD-NEW' );
		$product->save();

		$this->assertSame( 'product.updated', $this->only_row( 'product', $product->get_id() )->event );
		$payload = $this->build_live_payload( 'product', $product->get_id(), 'simple-product' );
		$this->assertSame( 'GPS-PRD-NEW', $payload['sku'] );
		$this->assertSame( '19.99', $payload['regular_price'] );
		$this->assertSame( '0.45', $payload['weight'] );
		$this->assertNull( $payload['parent_id'] );
	}

	public function test_when_a_variation_is_created_then_it_is_enqueued_and_carries_its_parent_and_chosen_value(): void {
		$this->require_woocommerce();
		$attribute = new \WC_Product_Attribute();
		$attribute->set_name( 'Colour' );
		$attribute->set_options( [ 'Red', 'Blue' ] );
		$attribute->set_visible( true );
		$attribute->set_variation( true );
		$parent = new \WC_Product_Variable();
		$parent->set_props(
			[
				'name'   => 'GPS variable',
				'sku'    => 'GPS-VAR',
				'status' => 'publish',
			]
		);
		$parent->set_attributes( [ $attribute ] );
		$parent->save();

		$variation = new \WC_Product_Variation();
		$variation->set_props(
			[
				'parent_id'     => $parent->get_id(),
				'sku'           => 'GPS-VAR-RED',
				'regular_price' => '11.00',
			]
		);
		$variation->set_attributes( [ 'colour' => 'Red' ] );
		$variation->save();

		$this->only_row( 'product', $parent->get_id() );
		$this->assertSame( 'product.created', $this->only_row( 'product', $variation->get_id() )->event );
		$payload = $this->build_live_payload( 'product', $variation->get_id(), 'variation' );
		$this->assertSame( 'variation', $payload['type'] );
		$this->assertSame( $parent->get_id(), $payload['parent_id'] );
		$this->assertSame( [ 'Red' ], $payload['attributes'][0]['values'] );
		$this->assertSame( 'GPS-VAR-RED', $payload['sku'] );
		$this->assertSame( '', $payload['tax_class'], 'stored as "parent": resolved to the parent\'s standard class' );

		$parent_payload = $this->build_live_payload( 'product', $parent->get_id(), 'variable-product' );
		$this->assertSame( [ 'Red', 'Blue' ], $parent_payload['attributes'][0]['values'] );
	}

	public function test_when_a_customer_registers_and_later_saves_an_address_then_a_customer_row_follows_each_change(): void {
		$this->require_woocommerce(); // The `customer` role is WooCommerce's.
		$user = $this->create_user( 'customer' );
		$this->assertSame( 'customer.created', $this->only_row( 'customer', $user->ID )->event );
		$this->clear_outbox();

		update_user_meta( $user->ID, 'billing_city', 'Zürich' );
		update_user_meta( $user->ID, 'billing_email', $user->user_email );
		// What My Account → Addresses fires after saving.
		do_action( 'woocommerce_customer_save_address', $user->ID, 'billing' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WooCommerce's hook.

		$this->assertSame( 'customer.address_saved', $this->only_row( 'customer', $user->ID )->event );
		$payload = $this->build_live_payload( 'customer', $user->ID, 'registered-customer' );
		$this->assertSame( $user->ID, $payload['woo_customer_id'] );
		$this->assertSame( 'Zürich', $payload['billing']['city'] );
		$this->assertSame( $user->user_email, $payload['email'] );
	}

	public function test_when_a_woocommerce_customer_object_saves_its_address_then_the_row_is_enqueued(): void {
		$this->require_woocommerce();
		$user = $this->create_user( 'customer' );
		$this->clear_outbox();

		$customer = new \WC_Customer( $user->ID );
		$customer->set_billing_postcode( '94105' );
		$customer->save();

		$this->only_row( 'customer', $user->ID );
		$this->assertSame( '94105', $this->build_live_payload( 'customer', $user->ID, 'wc-customer' )['billing']['postcode'] );
	}

	public function test_when_an_administrator_without_an_address_is_saved_then_no_customer_row_is_made(): void {
		$admin = $this->create_user( 'administrator' );
		wp_update_user(
			[
				'ID'         => $admin->ID,
				'first_name' => 'Staff',
			]
		);
		$this->assertSame( [], $this->rows( 'customer', $admin->ID ) );

		update_user_meta( $admin->ID, 'billing_address_1', '1 Shop Street' );
		do_action( 'woocommerce_customer_save_address', $admin->ID, 'billing' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WooCommerce's hook.
		$this->only_row( 'customer', $admin->ID );
	}
}
