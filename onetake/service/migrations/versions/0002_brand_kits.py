"""brand kits: which API key owns each kit (the files live in the kit store)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 01:04:42.819147
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('brand_kits',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('key_id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['api_keys.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('brand_kits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_brand_kits_key_id'), ['key_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('brand_kits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_brand_kits_key_id'))

    op.drop_table('brand_kits')
